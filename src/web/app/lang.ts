/**
 * The UI language, kept outside React for code that runs outside it (the API client's Accept-Language and its
 * network-error message). It imports nothing, so the API client does not pull in the messages of every feature.
 */
export type Lang = 'zh-CN' | 'en-US';

/** How an entry gets the texts of each language (i18n.tsx setMessageSource); one not in use is loaded only when chosen. */
export type MessageSource = Record<Lang, () => Record<string, string> | Promise<Record<string, string>>>;

export const LANG_STORAGE_KEY = 'wuwei.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let activeLang: Lang = storedLang();

export function currentLang(): Lang {
  return activeLang;
}

/** Called by the i18n provider when the user switches language. */
export function setCurrentLang(lang: Lang): void {
  activeLang = lang;
}

/** A text in both languages, picked in the current one. */
export function inCurrentLang(text: Record<Lang, string>): string {
  return text[activeLang];
}
