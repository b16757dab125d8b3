import type { FetchQueryOptions } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { SharedMessageKey } from './locales/zh-CN.ts';
import type { Permission } from './session.ts';

/** The languages of the UI; every feature's messages come in each of them. */
export const langs = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof langs)[number];

/**
 * A feature's texts: the Chinese ones name the keys; the English ones, with the same keys, in a module of their own
 * (messages.en-US.ts) loaded only when English is chosen, so the Chinese pages do not carry them.
 */
export type FeatureMessages<K extends string> = {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly 'en-US': () => Promise<{ default: Readonly<Record<K, string>> }>;
};

type Page = ComponentType;

type RouteBase = {
  /** Absolute path: '/residents', '/households/:id'; '/' is home. Unique across all features. */
  path: string;
  /** Who may open the page: holders of every permission listed. Others see the 403 page (nothing is loaded). */
  permission?: Permission | readonly Permission[];
  /** The menu entry kept selected on this page, when it is not itself a menu entry (a household card: '/residents'). */
  activeMenu?: string;
  /** Outside the signed-in frame, for everyone (the login page). */
  public?: boolean;
  /**
   * The page shows personal data (names, numbers, addresses of persons): a faint watermark with the user's name
   * and the time covers it, on screen and in print (components/watermark.tsx).
   */
  watermark?: boolean;
  /**
   * The page's main data, asked for the moment the route is entered, alongside the page's code and the session
   * check rather than after them: the query options of the page's own hook (`serviceCardsQuery(id)`), from the
   * route's params; null when the params name nothing to ask for.
   */
  prefetch?: (params: Readonly<Record<string, string | undefined>>) => RoutePrefetch | null;
};

/** What a route asks for ahead of its page: the same query options its page's hook uses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page's data, typed by the page's own hook
export type RoutePrefetch = FetchQueryOptions<any, Error, any, any>;

/**
 * A page of a feature. `load` is the normal case: the page's code is fetched on its first visit, e.g.
 * `load: () => import('./residents-page.tsx').then((m) => m.ResidentsPage)`. `component` puts the page into the
 * main bundle; only the login page and home do that, so that they open without another round trip.
 */
export type FeatureRoute = RouteBase & ({ load: () => Promise<Page> } | { component: Page });

/**
 * The side menu's groups, in this order; an entry names its group (`group: 'registry'`), entries without one
 * (home) stand above the groups. The group's label is a shared message key (locales/); the breadcrumbs of a
 * page read "group › page" from it.
 */
export const menuGroups = {
  registry: { label: 'menuGroup.registry', order: 10 },
  teams: { label: 'menuGroup.teams', order: 20 },
  mine: { label: 'menuGroup.mine', order: 30 },
  system: { label: 'menuGroup.system', order: 90 },
} as const satisfies Record<string, { label: SharedMessageKey; order: number }>;
export type MenuGroup = keyof typeof menuGroups;

/** An entry of the side menu. */
export type MenuEntry<K extends string = string> = {
  /** The route it opens. */
  path: string;
  /** Message key of its text: the feature's own or a shared one. */
  label: K;
  icon: ComponentType;
  /** Position in the menu, smallest first (home is 0; leave gaps of 10). */
  order: number;
  /** Shown only to holders of this permission. */
  permission?: Permission;
  /** The menu group it is listed under (menuGroups); none for home. */
  group?: MenuGroup;
  /**
   * A page about the user's own person or position (my volunteering, my buildings): listed only for users holding
   * a role scoped to themself or to their buildings, not for officials who hold its permission with every other
   * one (the county administrator). The route itself stays open to holders of the permission.
   */
  personal?: boolean;
};

/**
 * A shortcut on home: a card linking to one of the feature's pages, with a title and a line on what one does
 * there. Home lists those the user may use, by `order`, with the same rule as the menu (`permission`, `personal`).
 */
export type Shortcut<K extends string = string> = {
  /** One of the feature's own routes (assemble.ts checks). */
  path: string;
  /** Message keys: the feature's own or shared ones. */
  title: K;
  text: K;
  icon: ComponentType;
  /** Position on home, smallest first: the user's own work (personal pages) first, then the desk's daily work. */
  order: number;
  /** Shown only to holders of this permission; give it the route's. */
  permission?: Permission;
  /** As a menu entry's `personal`: only for users with a role scoped to themself or their buildings. */
  personal?: boolean;
};

/** One web feature: its pages, its menu entries, its shortcuts on home and its texts in every language. */
export type Feature<K extends string = string> = {
  /** The folder name under src/web/features/, for error messages. */
  name: string;
  routes: readonly FeatureRoute[];
  menu: readonly MenuEntry[];
  shortcuts: readonly Shortcut[];
  messages: FeatureMessages<K>;
};

type MessagesInput<Z extends Record<string, string>> = {
  'zh-CN': Z;
  /**
   * `() => import('./messages.en-US.ts')`: every key of the Chinese texts (a missing one does not compile; an extra
   * one throws when the texts are put together, assemble.ts).
   */
  'en-US': () => Promise<{ default: { [P in keyof Z]: string } }>;
};

/** A feature's messages, for a `messages.ts` kept beside the manifest; checks that both languages have the same keys. */
export function defineMessages<const Z extends Record<string, string>>(
  messages: MessagesInput<Z>,
): FeatureMessages<keyof Z & string> {
  return messages;
}

/**
 * A feature's manifest, the default export of `src/web/features/<name>/manifest.ts`; `src/web/app/features.ts`
 * lists them. Menu labels and shortcut texts are checked against the feature's own message keys and the shared ones.
 */
export function defineFeature<const Z extends Record<string, string>>(feature: {
  name: string;
  routes?: readonly FeatureRoute[];
  menu?: readonly MenuEntry<NoInfer<keyof Z & string> | SharedMessageKey>[];
  shortcuts?: readonly Shortcut<NoInfer<keyof Z & string> | SharedMessageKey>[];
  messages: MessagesInput<Z>;
}): Feature<keyof Z & string> {
  return {
    name: feature.name,
    routes: feature.routes ?? [],
    menu: feature.menu ?? [],
    shortcuts: feature.shortcuts ?? [],
    messages: feature.messages,
  };
}

/** The message keys a feature brings. */
export type FeatureMessageKey<F> = F extends Feature<infer K> ? K : never;
