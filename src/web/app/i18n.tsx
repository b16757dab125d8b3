import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './assemble.ts';
import { currentLang, LANG_STORAGE_KEY, setCurrentLang, type Lang, type MessageSource } from './lang.ts';

export type { Lang, MessageKey, MessageSource };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
/** Text the API sends in both languages (role names). */
export type BiText = { zh: string; en: string };

let source: MessageSource | undefined;
const dictionaries: Partial<Record<Lang, Record<string, string>>> = {};

/**
 * Where the texts come from, set by the entry before it draws anything: the desk app (main.tsx) every feature's
 * (assemble.ts), the phone workbench (phone.tsx) the workbench's only.
 */
export function setMessageSource(messages: MessageSource): void {
  source = messages;
}

/** Makes the texts of `lang` ready (the entry awaits the current language's before drawing; setLang the next). */
export async function loadMessages(lang: Lang): Promise<void> {
  if (!source) throw new Error('setMessageSource first (the entry sets where the texts come from)');
  dictionaries[lang] ??= await source[lang]();
}

/** The texts of `lang`, once loaded (loadMessages); keys without a text show as themselves. */
function dictionary(lang: Lang): Record<string, string> {
  return dictionaries[lang] ?? {};
}

export { currentLang };

/** Whether a text exists for `key`; for codes the server may add before the UI knows them. */
export function isMessageKey(key: string): key is MessageKey {
  return key in dictionary(currentLang());
}

/** Fills `{name}` placeholders. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function translateIn(lang: Lang, key: MessageKey, params?: Params): string {
  return format(dictionary(lang)[key] ?? key, params);
}

/** Text in the current language, for code outside React (the API client). */
export function translate(key: MessageKey, params?: Params): string {
  return translateIn(currentLang(), key, params);
}

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Picks the current language from a bilingual API text. */
  pick: (text: BiText) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang());
  const setLang = useCallback((next: Lang) => {
    // The texts of the language chosen are fetched first (a failure leaves the current one).
    void loadMessages(next).then(
      () => {
        setCurrentLang(next);
        try {
          localStorage.setItem(LANG_STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
        setLangState(next);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translateIn(lang, 'app.name');
  }, [lang]);
  const value = useMemo<I18n>(() => {
    return {
      lang,
      setLang,
      t: (key, params) => translateIn(lang, key, params),
      pick: (text) => (lang === 'en-US' ? text.en : text.zh),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
