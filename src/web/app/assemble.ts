import {
  menuGroups,
  type Feature,
  type FeatureMessageKey,
  type FeatureMessages,
  type FeatureRoute,
  type MenuEntry,
  type MenuGroup,
  type Shortcut,
} from './define-feature.ts';
import type { PhoneMessageKey } from '../features/workbench/phone-messages.ts';
import * as manifests from './features.ts';
import type { MessageSource } from './lang.ts';
import { zhCN, type SharedMessageKey } from './locales/zh-CN.ts';
import type { Me } from './session.ts';

type Manifests = typeof manifests;

/**
 * Every message key: the shared ones (locales/), those of every feature in features.ts and the phone workbench's
 * own (its entry's only: features/workbench/phone-messages.ts).
 */
export type MessageKey = SharedMessageKey | FeatureMessageKey<Manifests[keyof Manifests]> | PhoneMessageKey;

/** The app shell's texts, which belong to no feature; the English ones loaded when chosen. */
export const sharedMessages: FeatureMessages<SharedMessageKey> = {
  'zh-CN': zhCN,
  'en-US': () => import('./locales/en-US.ts').then((m) => ({ default: m.enUS })),
};

/**
 * The manifests of features.ts. A function rather than a constant: pages import i18n, which imports this module,
 * so while the modules load this one may run before features.ts has finished.
 */
export function allFeatures(): readonly Feature[] {
  return Object.values(manifests);
}

/** `/households/:id` and `/households/:key` are the same route. */
function routeShape(path: string): string {
  return path.replace(/:[^/]+/g, ':');
}

/**
 * The texts of every language, each put together when asked for: the shared ones and each feature's. A key two
 * features (or a feature and the shell) both define throws at once; a key missing in, or extra to, a language
 * throws when that language is loaded, naming where it is.
 */
export function assembleMessages(
  features: readonly Feature[],
  shared: FeatureMessages<string> = sharedMessages,
): MessageSource {
  const owners = new Map<string, string>();
  const sources = [
    { name: 'src/web/app/locales', messages: shared },
    ...features.map((f) => ({ name: `feature ${f.name}`, messages: f.messages })),
  ];
  for (const { name, messages } of sources) {
    for (const key of Object.keys(messages['zh-CN'])) {
      const owner = owners.get(key);
      if (owner) throw new Error(`Message key ${key} is defined twice: by ${owner} and by ${name}`);
      owners.set(key, name);
    }
  }
  return {
    'zh-CN': () => Object.fromEntries(sources.flatMap((s) => Object.entries(s.messages['zh-CN']))),
    'en-US': async () => {
      const loaded = await Promise.all(
        sources.map(async (s) => ({ ...s, en: (await s.messages['en-US']()).default })),
      );
      for (const { name, messages, en } of loaded) {
        const keys = Object.keys(messages['zh-CN']);
        const missing = keys.filter((k) => !(k in en));
        const extra = Object.keys(en).filter((k) => !(k in messages['zh-CN']));
        if (missing.length || extra.length) {
          throw new Error(
            `${name}: en-US texts differ from zh-CN (missing ${missing.join(', ')}; extra ${extra.join(', ')})`,
          );
        }
      }
      return Object.fromEntries(loaded.flatMap((s) => Object.entries(s.en)));
    },
  };
}

let assembled: MessageSource | undefined;

/** The desk app's texts (main.tsx): the shared ones and every feature's, put together on first use. */
export const deskMessages: MessageSource = {
  'zh-CN': () => (assembled ??= assembleMessages(allFeatures()))['zh-CN'](),
  'en-US': () => (assembled ??= assembleMessages(allFeatures()))['en-US'](),
};

export type AppRoute = FeatureRoute & { feature: string };

/** Every feature's pages; a path two features (or one feature twice) declare throws. */
export function assembleRoutes(features: readonly Feature[]): AppRoute[] {
  const owners = new Map<string, string>();
  const routes: AppRoute[] = [];
  for (const feature of features) {
    for (const route of feature.routes) {
      if (!route.path.startsWith('/')) {
        throw new Error(`Feature ${feature.name}: route ${route.path} must start with /`);
      }
      const shape = routeShape(route.path);
      const owner = owners.get(shape);
      if (owner) throw new Error(`Route ${route.path} is declared twice: by ${owner} and by ${feature.name}`);
      owners.set(shape, feature.name);
      routes.push({ ...route, feature: feature.name });
    }
  }
  return routes;
}

/** The side menu: every feature's entries by `order`; two entries for one path throw. */
export function assembleMenu(features: readonly Feature[]): MenuEntry[] {
  const entries = features.flatMap((f) => f.menu.map((entry) => ({ entry, feature: f.name })));
  const seen = new Map<string, string>();
  for (const { entry, feature } of entries) {
    const owner = seen.get(entry.path);
    if (owner) throw new Error(`Menu entry ${entry.path} is declared twice: by ${owner} and by ${feature}`);
    seen.set(entry.path, feature);
  }
  return entries.map((e) => e.entry).sort((a, b) => a.order - b.order);
}

/**
 * Home's shortcuts: every feature's by `order`. A shortcut must open one of its own feature's routes, and two
 * shortcuts for one path throw.
 */
export function assembleShortcuts(features: readonly Feature[]): Shortcut[] {
  const seen = new Map<string, string>();
  const shortcuts: Shortcut[] = [];
  for (const feature of features) {
    for (const shortcut of feature.shortcuts) {
      if (!feature.routes.some((r) => r.path === shortcut.path)) {
        throw new Error(`Feature ${feature.name}: shortcut ${shortcut.path} is not one of its routes`);
      }
      const owner = seen.get(shortcut.path);
      if (owner) {
        throw new Error(`Shortcut ${shortcut.path} is declared twice: by ${owner} and by ${feature.name}`);
      }
      seen.set(shortcut.path, feature.name);
      shortcuts.push(shortcut);
    }
  }
  return shortcuts.sort((a, b) => a.order - b.order);
}

/**
 * The entries (menu entries or shortcuts) a user sees: those whose permission they hold; a `personal` entry (a
 * page about their own person or position) only when one of their roles is scoped to themself or to their
 * buildings, so an administrator, who holds every permission, is not offered "my volunteering".
 */
export function visibleMenu<E extends Pick<MenuEntry, 'permission' | 'personal'>>(
  entries: readonly E[],
  me: Pick<Me, 'permissions' | 'roles'>,
): E[] {
  const ownScope = me.roles.some((r) => r.scopeKind === 'self' || r.scopeKind === 'buildings');
  return entries.filter(
    (e) => (!e.permission || me.permissions.includes(e.permission)) && (!e.personal || ownScope),
  );
}

/** Menu entries by group (menuGroups' order), entries without a group first; each group's entries keep their order. */
export function groupMenu(
  entries: readonly MenuEntry[],
): { group: MenuGroup | null; entries: MenuEntry[] }[] {
  const ungrouped = entries.filter((e) => !e.group);
  const groups = (Object.keys(menuGroups) as MenuGroup[]).sort(
    (a, b) => menuGroups[a].order - menuGroups[b].order,
  );
  return [
    ...(ungrouped.length ? [{ group: null, entries: ungrouped }] : []),
    ...groups
      .map((group) => ({ group, entries: entries.filter((e) => e.group === group) }))
      .filter((s) => s.entries.length > 0),
  ];
}
