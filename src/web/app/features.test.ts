import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allFeatures,
  assembleMenu,
  assembleMessages,
  assembleRoutes,
  assembleShortcuts,
  groupMenu,
  sharedMessages,
  visibleMenu,
} from './assemble.ts';
import { defineFeature, defineMessages, menuGroups, type Feature } from './define-feature.ts';
import type { MessageSource } from './lang.ts';
import { phoneMessages, workbenchMessages } from '../features/workbench/phone-messages.ts';

const features = allFeatures();
const featuresDir = path.resolve(import.meta.dirname, '../features');

const page = () => null;
/** A feature's texts, as a manifest gives them: the English ones loaded when asked for. */
const texts = (zh: Record<string, string>, en: Record<string, string>) => ({
  'zh-CN': zh,
  'en-US': () => Promise.resolve({ default: en }),
});
/** Both languages of assembled texts, loaded. */
async function loaded(source: MessageSource) {
  return { 'zh-CN': await source['zh-CN'](), 'en-US': await source['en-US']() };
}
const feature = (name: string, parts: Partial<Feature>): Feature => ({
  name,
  routes: [],
  menu: [],
  shortcuts: [],
  messages: texts({}, {}),
  ...parts,
});

describe('the assembled features', () => {
  it('lists every feature folder that has a manifest, once', () => {
    const folders = fs
      .readdirSync(featuresDir)
      .filter((name) => fs.existsSync(path.join(featuresDir, name, 'manifest.ts')))
      .sort();
    expect(features.map((f) => f.name).sort()).toEqual(folders);
  });

  it('has no message key twice, and both languages have the same keys', async () => {
    const messages = await loaded(assembleMessages(features));
    expect(Object.keys(messages['en-US']).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
    for (const source of [sharedMessages, ...features.map((f) => f.messages)]) {
      const en = (await source['en-US']()).default;
      expect(Object.keys(en).sort()).toEqual(Object.keys(source['zh-CN']).sort());
    }
    for (const text of [...Object.values(messages['zh-CN']), ...Object.values(messages['en-US'])]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('gives the phone entry the shared texts and the workbench’s own, whose keys no feature defines', async () => {
    // Checked as the desk app's texts are: a key also defined elsewhere, or missing in a language, throws.
    expect(() =>
      assembleMessages([...features, feature('phone', { messages: workbenchMessages })]),
    ).not.toThrow();
    const zh = await phoneMessages['zh-CN']();
    const en = await phoneMessages['en-US']();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(zh['workbench.title']).toBe('移动工作台');
    expect(zh['common.networkError']).toBeTruthy();
    // Not the desk app's other features.
    expect(zh['menu.workbench']).toBeUndefined();
  });

  it('has no route path twice', () => {
    const routes = assembleRoutes(features);
    expect(new Set(routes.map((r) => r.path)).size).toBe(routes.length);
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/login', '/', '/residents', '/audit']),
    );
  });

  it('loads every page on its first visit (a manifest importing a page would close an import cycle through i18n)', () => {
    const eager = assembleRoutes(features)
      .filter((r) => !('load' in r))
      .map((r) => r.path);
    expect(eager).toEqual([]);
  });

  it('puts only the login page and a building’s public page outside the signed-in frame', () => {
    expect(
      assembleRoutes(features)
        .filter((r) => r.public)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/b/:token', '/login']);
  });

  it('builds a menu of routes, in order, each with a text in both languages', async () => {
    const menu = assembleMenu(features);
    const routes = assembleRoutes(features);
    const messages = await loaded(assembleMessages(features));
    expect(menu.map((e) => e.path)).toEqual([
      '/',
      '/tasks',
      '/m/',
      '/rounds',
      '/residents',
      '/import',
      '/territory',
      '/leaders',
      '/grid-workers',
      '/coverage',
      '/m/leader',
      '/volunteers',
      '/contacts',
      '/my-volunteering',
      '/visit-logs',
      '/duties',
      '/map',
      '/planner',
      '/party',
      '/party/registrations',
      '/party/mine',
      '/accounts',
      '/audit',
      '/settings',
    ]);
    for (const entry of menu) {
      const route = routes.find((r) => r.path === entry.path);
      expect(route, entry.path).toBeDefined();
      // An entry never shows to someone its page would refuse.
      expect([route?.permission ?? []].flat()).toEqual(entry.permission ? [entry.permission] : []);
      expect(messages['zh-CN'][entry.label], entry.label).toBeTruthy();
      expect(messages['en-US'][entry.label], entry.label).toBeTruthy();
    }
    for (const route of routes.filter((r) => r.activeMenu)) {
      expect(menu.map((e) => e.path)).toContain(route.activeMenu);
    }
  });

  it('lists every entry but home under a group, and the groups in their order', async () => {
    const menu = assembleMenu(features);
    expect(menu.filter((e) => !e.group).map((e) => e.path)).toEqual(['/']);
    const messages = await loaded(assembleMessages(features));
    for (const group of Object.values(menuGroups)) {
      expect(messages['zh-CN'][group.label]).toBeTruthy();
      expect(messages['en-US'][group.label]).toBeTruthy();
    }
    expect(groupMenu(menu).map((s) => [s.group, s.entries.map((e) => e.path)])).toEqual([
      [null, ['/']],
      ['registry', ['/residents', '/import', '/territory', '/map', '/planner']],
      [
        'teams',
        [
          '/leaders',
          '/grid-workers',
          '/coverage',
          '/volunteers',
          '/contacts',
          '/duties',
          '/party',
          '/party/registrations',
        ],
      ],
      ['mine', ['/tasks', '/m/', '/rounds', '/m/leader', '/my-volunteering', '/visit-logs', '/party/mine']],
      ['system', ['/accounts', '/audit', '/settings']],
    ]);
  });

  it('offers the pages about one’s own person or position only to users with such a role, not to the administrator', () => {
    const menu = assembleMenu(features);
    const everything = {
      permissions: [...new Set(menu.flatMap((e) => (e.permission ? [e.permission] : [])))],
    };
    const role = (scopeKind: 'all' | 'self' | 'buildings') => ({ scopeKind }) as never;
    const admin = visibleMenu(menu, { ...everything, roles: [role('all')] }).map((e) => e.path);
    expect(admin).not.toContain('/my-volunteering');
    expect(admin).not.toContain('/m/leader');
    expect(admin).not.toContain('/party/mine');
    expect(admin).toContain('/settings');
    const leader = visibleMenu(menu, { permissions: ['leader:call'] as never, roles: [role('buildings')] });
    expect(leader.map((e) => e.path)).toEqual(['/', '/m/leader']);
    const resident = visibleMenu(menu, { permissions: ['volunteer:self'] as never, roles: [role('self')] });
    expect(resident.map((e) => e.path)).toEqual(['/', '/my-volunteering']);
  });

  it('puts shortcuts on home to routes of their own feature, each with texts in both languages and its route’s permission', async () => {
    const shortcuts = assembleShortcuts(features);
    const routes = assembleRoutes(features);
    const messages = await loaded(assembleMessages(features));
    expect(shortcuts.map((s) => s.path)).toEqual([
      '/m/',
      '/m/leader',
      '/party/mine',
      '/my-volunteering',
      '/tasks',
      '/residents',
      '/visit-logs/new',
      '/coverage',
      '/rounds',
      '/leaders',
      '/contacts',
      '/party/registrations',
      '/grid-workers',
      '/visit-logs',
      '/volunteers',
      '/duties',
      '/party',
      '/import',
      '/map',
      '/territory',
      '/accounts',
      '/audit',
      '/settings',
    ]);
    const menu = assembleMenu(features);
    for (const shortcut of shortcuts) {
      const route = routes.find((r) => r.path === shortcut.path);
      expect([route?.permission ?? []].flat(), shortcut.path).toEqual(
        shortcut.permission ? [shortcut.permission] : [],
      );
      // A personal page's shortcut is personal like its menu entry.
      expect(!!shortcut.personal, shortcut.path).toBe(!!menu.find((e) => e.path === shortcut.path)?.personal);
      for (const key of [shortcut.title, shortcut.text]) {
        expect(messages['zh-CN'][key], key).toBeTruthy();
        expect(messages['en-US'][key], key).toBeTruthy();
      }
    }
  });

  it('gives every demo role its own work on home, and the administrator no self-service page', () => {
    const shortcuts = assembleShortcuts(features);
    const role = (scopeKind: 'all' | 'community' | 'self' | 'buildings') => ({ scopeKind }) as never;
    const home = (permissions: string[], scopeKind: 'all' | 'community' | 'self' | 'buildings') =>
      visibleMenu(shortcuts, { permissions, roles: [role(scopeKind)] }).map((s) => s.path);
    const everything = [...new Set(shortcuts.flatMap((s) => (s.permission ? [s.permission] : [])))];
    const admin = home(everything, 'all');
    expect(admin).toEqual(expect.arrayContaining(['/residents', '/accounts', '/audit', '/settings']));
    expect(admin).not.toContain('/m/leader');
    expect(admin).not.toContain('/party/mine');
    expect(admin).not.toContain('/my-volunteering');
    expect(home(['leader:call', 'volunteer:self'], 'buildings').slice(0, 1)).toEqual(['/m/leader']);
    expect(home(['party:register', 'volunteer:self'], 'self')).toEqual(['/party/mine', '/my-volunteering']);
    expect(home(['volunteer:self'], 'self')).toEqual(['/my-volunteering']);
    expect(
      home(['resident:read', 'coverage:read', 'leader:read', 'leader:review', 'party:read'], 'community'),
    ).toEqual(['/residents', '/coverage', '/leaders', '/party/registrations', '/party']);
  });

  it('watermarks the pages that show persons, and not home or the sign-in page', () => {
    const marked = assembleRoutes(features)
      .filter((r) => r.watermark)
      .map((r) => r.path);
    expect(marked).toEqual(
      expect.arrayContaining([
        '/residents',
        '/households/:id',
        '/audit',
        '/party',
        '/leaders',
        '/territories/:id/fact-sheet',
        '/map',
      ]),
    );
    expect(marked).not.toContain('/');
    expect(marked).not.toContain('/login');
  });
});

describe('assembling', () => {
  it('refuses a route path two features declare, whatever its parameters are called', () => {
    const a = feature('a', { routes: [{ path: '/things/:id', component: page }] });
    const b = feature('b', { routes: [{ path: '/things/:thingId', component: page }] });
    expect(() => assembleRoutes([a, b])).toThrow('Route /things/:thingId is declared twice: by a and by b');
    expect(() => assembleRoutes([feature('c', { routes: [{ path: 'x', component: page }] })])).toThrow(
      'must start with /',
    );
  });

  it('refuses a route path that clashes with a real feature', () => {
    const copy = feature('copy', { routes: [{ path: '/residents', component: page }] });
    expect(() => assembleRoutes([...features, copy])).toThrow('Route /residents is declared twice');
  });

  it('refuses a message key two features define, or one the shared texts already have', () => {
    const a = feature('a', { messages: texts({ 'x.one': '一' }, { 'x.one': 'one' }) });
    const b = feature('b', { messages: texts({ 'x.one': '壹' }, { 'x.one': 'One' }) });
    expect(() => assembleMessages([a, b])).toThrow(
      'Message key x.one is defined twice: by feature a and by feature b',
    );
    const shell = feature('shell', {
      messages: texts({ 'common.ok': '好' }, { 'common.ok': 'OK' }),
    });
    expect(() => assembleMessages([shell])).toThrow('Message key common.ok is defined twice');
    expect(() => assembleMessages([...features, features[0]!])).toThrow('is defined twice');
  });

  it('refuses a feature whose languages differ', async () => {
    const odd = feature('odd', { messages: texts({ 'x.one': '一' }, { 'x.two': 'two' }) });
    // Found when the English texts are loaded: the Chinese ones draw as before.
    const source = assembleMessages([odd]);
    expect((await source['zh-CN']())['x.one']).toBe('一');
    await expect(source['en-US']()).rejects.toThrow('feature odd: en-US texts differ from zh-CN');
  });

  it('refuses a shortcut to another feature’s route, or two shortcuts to one path', () => {
    const icon = () => null;
    const shortcut = { path: '/x', title: 'x', text: 'y', icon, order: 1 };
    const a = feature('a', { routes: [{ path: '/x', component: page }], shortcuts: [shortcut] });
    expect(assembleShortcuts([a]).map((s) => s.path)).toEqual(['/x']);
    const b = feature('b', { shortcuts: [shortcut] });
    expect(() => assembleShortcuts([a, b])).toThrow('Feature b: shortcut /x is not one of its routes');
    const c = feature('c', {
      routes: [{ path: '/y', component: page }],
      shortcuts: [{ ...shortcut, path: '/x' }],
    });
    expect(() => assembleShortcuts([c])).toThrow('shortcut /x is not one of its routes');
    const twice = feature('twice', {
      routes: [{ path: '/x', component: page }],
      shortcuts: [shortcut, shortcut],
    });
    expect(() => assembleShortcuts([twice])).toThrow('Shortcut /x is declared twice: by twice and by twice');
  });

  it('refuses a menu entry two features declare', () => {
    const icon = () => null;
    const a = feature('a', { menu: [{ path: '/x', label: 'x', icon, order: 1 }] });
    const b = feature('b', { menu: [{ path: '/x', label: 'y', icon, order: 2 }] });
    expect(() => assembleMenu([a, b])).toThrow('Menu entry /x is declared twice: by a and by b');
  });
});

describe('defineFeature and defineMessages', () => {
  it('keep both languages to the same keys and menu labels to known keys, at compile time', async () => {
    const english =
      <T>(en: T) =>
      () =>
        Promise.resolve({ default: en });
    const messages = defineMessages({ 'zh-CN': { 'x.one': '一' }, 'en-US': english({ 'x.one': 'one' }) });
    // @ts-expect-error en-US lacks a key (an extra one throws when loaded: 'refuses a feature whose languages differ')
    defineMessages({ 'zh-CN': { 'x.one': '一', 'x.two': '二' }, 'en-US': english({ 'x.one': 'one' }) });
    const icon = () => null;
    const made = defineFeature({
      name: 'x',
      menu: [
        { path: '/', label: 'x.one', icon, order: 0 },
        { path: '/a', label: 'common.ok', icon, order: 1 },
      ],
      messages,
    });
    defineFeature({
      name: 'y',
      // @ts-expect-error neither the feature's key nor a shared one
      menu: [{ path: '/', label: 'x.three', icon, order: 0 }],
      messages,
    });
    // @ts-expect-error inline messages are checked the same way
    defineFeature({ name: 'z', messages: { 'zh-CN': { 'z.one': '一' }, 'en-US': english({}) } });
    expect(made.routes).toEqual([]);
    expect((await made.messages['en-US']()).default['x.one']).toBe('one');
  });
});
