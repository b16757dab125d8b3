import { describe, expect, it } from 'vitest';
import { auditLabelText, type AuditLabels } from './labels.ts';

const labels: AuditLabels = {
  actions: {
    'user.created': { zh: '新建账号', en: 'Account created' },
    'auth.login': { zh: '登录', en: 'Sign-in' },
  },
  entityTypes: { user: { zh: '账号', en: 'Account' } },
};
const zh = (text: { zh: string; en: string }) => text.zh;
const en = (text: { zh: string; en: string }) => text.en;

describe('audit labels', () => {
  it('names actions and entity types in the chosen language', () => {
    expect(auditLabelText(labels, zh).action('user.created')).toBe('新建账号');
    expect(auditLabelText(labels, en).action('user.created')).toBe('Account created');
    expect(auditLabelText(labels, en).entityType('user')).toBe('Account');
  });

  it('shows the code of an action or entity type the server does not name', () => {
    expect(auditLabelText(labels, zh).action('resident.teleported')).toBe('resident.teleported');
    expect(auditLabelText(labels, zh).entityType('spaceship')).toBe('spaceship');
  });

  it('shows codes and offers no filter options until the labels arrive (or when they cannot be had)', () => {
    const none = auditLabelText(undefined, zh);
    expect(none.action('user.created')).toBe('user.created');
    expect(none.actionOptions).toEqual([]);
    expect(none.entityTypeOptions).toEqual([]);
  });

  it('offers the server’s codes as filter options, in its order', () => {
    expect(auditLabelText(labels, zh).actionOptions).toEqual([
      { value: 'user.created', label: '新建账号' },
      { value: 'auth.login', label: '登录' },
    ]);
    expect(auditLabelText(labels, en).entityTypeOptions).toEqual([{ value: 'user', label: 'Account' }]);
  });
});
