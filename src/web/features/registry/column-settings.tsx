import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { usePreferences, useSetPreference } from '../../api/preferences.ts';
import { useT } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.ts';

/** A column's key and whether it is shown; the array's order is the columns' order. */
type ColumnSetting = { key: string; shown: boolean };

/**
 * A list's column settings (shown columns and their order), remembered per user on the server (the preference
 * `columns.<list>`, GET/PUT /me/preferences), so that they follow the user to another browser. This browser's
 * localStorage keeps a copy under a key with the user's id, for the first paint before the preferences arrive (and
 * two accounts on one computer keep their own).
 */
function storageKey(userId: string, list: string) {
  return `wuwei:columns:${userId}:${list}`;
}

/** Column settings from storage or the server; null when absent or not of that shape. */
function parse(value: unknown): ColumnSetting[] | null {
  if (!Array.isArray(value)) return null;
  return (value as unknown[]).filter((c): c is ColumnSetting => {
    const entry = c as Partial<ColumnSetting> | null;
    return typeof entry?.key === 'string' && typeof entry.shown === 'boolean';
  });
}

function load(userId: string | undefined, list: string): ColumnSetting[] | null {
  if (!userId) return null;
  try {
    return parse(JSON.parse(localStorage.getItem(storageKey(userId, list)) ?? 'null'));
  } catch {
    return null;
  }
}

function keep(userId: string, list: string, value: ColumnSetting[]) {
  try {
    localStorage.setItem(storageKey(userId, list), JSON.stringify(value));
  } catch {
    // storage full or blocked: the server keeps them
  }
}

/** The settings applied to `columns`: saved order first, new columns after, hidden ones left out. */
function apply<T>(columns: ColumnsType<T>, settings: ColumnSetting[] | null): ColumnsType<T> {
  if (!settings) return columns;
  const byKey = new Map(columns.map((c) => [String(c.key), c]));
  const ordered = settings.flatMap((s) => (s.shown && byKey.has(s.key) ? [byKey.get(s.key)!] : []));
  const known = new Set(settings.map((s) => s.key));
  return [...ordered, ...columns.filter((c) => !known.has(String(c.key)))];
}

export function useColumnSettings<T>(
  list: string,
  columns: ColumnsType<T>,
): [ColumnsType<T>, (settings: ColumnSetting[]) => void] {
  const me = useMe();
  const userId = me.data?.id;
  const preferences = usePreferences(Boolean(userId));
  const setPreference = useSetPreference();
  const key = `columns.${list}`;
  // The server's settings once they are here; until then (or when it has none yet) this browser's copy.
  const saved = preferences.data ? parse(preferences.data[key]) : null;
  const current = saved ?? load(userId, list);
  const savedText = saved ? JSON.stringify(saved) : null;
  useEffect(() => {
    if (userId && savedText) keep(userId, list, JSON.parse(savedText) as ColumnSetting[]);
  }, [userId, list, savedText]);
  const save = (value: ColumnSetting[]) => {
    if (!userId) return;
    keep(userId, list, value);
    setPreference(key, value);
  };
  return [apply(columns, current), save];
}

/** The column settings button: tick the columns to show, move them up or down. */
export function ColumnSettings<T>({
  columns,
  value,
  onChange,
}: {
  columns: ColumnsType<T>;
  value: ColumnsType<T>;
  onChange: (settings: ColumnSetting[]) => void;
}) {
  const t = useT();
  const shown = new Set(value.map((c) => String(c.key)));
  const order = [
    ...value.map((c) => String(c.key)),
    ...columns.map((c) => String(c.key)).filter((k) => !shown.has(k)),
  ];
  const titleOf = new Map(columns.map((c) => [String(c.key), c.title as React.ReactNode]));
  const emit = (keys: string[], visible: Set<string>) =>
    onChange(keys.map((key) => ({ key, shown: visible.has(key) })));
  const move = (index: number, by: number) => {
    const next = [...order];
    const [key] = next.splice(index, 1);
    next.splice(index + by, 0, key!);
    emit(next, shown);
  };
  const content = (
    <Space direction="vertical" size={4} data-testid="column-settings">
      {order.map((key, i) => (
        <Space key={key} size={4}>
          <Checkbox
            checked={shown.has(key)}
            disabled={key === 'name'}
            onChange={(e) => {
              const next = new Set(shown);
              if (e.target.checked) next.add(key);
              else next.delete(key);
              emit(order, next);
            }}
          >
            {titleOf.get(key)}
          </Checkbox>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            aria-label={`${key} ↑`}
            onClick={() => move(i, -1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={i === order.length - 1}
            aria-label={`${key} ↓`}
            onClick={() => move(i, 1)}
          />
        </Space>
      ))}
    </Space>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button size="small" icon={<SettingOutlined />} data-testid="column-settings-open">
        {t('residents.columns')}
      </Button>
    </Popover>
  );
}
