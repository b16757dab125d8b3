import { describe, expect, it } from 'vitest';
import type { AuditChange } from './api.ts';
import { changeLine, changeSummary } from './plain-words.ts';

const zh = (text: { zh: string; en: string }) => text.zh;
const en = (text: { zh: string; en: string }) => text.en;
const relation: AuditChange = {
  field: 'relation',
  label: { zh: '与户主关系', en: 'Relation to the head' },
  changed: true,
  from: { zh: '户主', en: 'Head' },
  to: { zh: '配偶', en: 'Spouse' },
};
const phone: AuditChange = {
  field: 'phone',
  label: { zh: '电话', en: 'Phone' },
  changed: true,
  from: null,
  to: { zh: '139****2222', en: '139****2222' },
};
const rows: AuditChange = {
  field: 'rows',
  label: { zh: '行数', en: 'Rows' },
  changed: false,
  from: null,
  to: { zh: '12', en: '12' },
};

describe('audit changes in plain words', () => {
  it('reads a change as "label: old → new" in the chosen language', () => {
    expect(changeLine(relation, zh, '空').line).toBe('与户主关系：户主 → 配偶');
    expect(changeLine(relation, en, 'empty').line).toBe('Relation to the head: Head → Spouse');
  });

  it('says "empty" for a value that was not there, and reads a value written once as "label: value"', () => {
    expect(changeLine(phone, zh, '（空）').line).toBe('电话：（空） → 139****2222');
    expect(changeLine(rows, en, '(empty)').line).toBe('Rows: 12');
  });

  it('sums up the first changes of an entry', () => {
    expect(changeSummary([relation, phone, rows], zh, '空')).toBe(
      '与户主关系：户主 → 配偶；电话：空 → 139****2222 …',
    );
    expect(changeSummary([rows], en, 'empty')).toBe('Rows: 12');
    expect(changeSummary([], en, 'empty')).toBe('');
  });
});
