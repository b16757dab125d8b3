import { Empty, Timeline, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { isMessageKey, useT, type Translate } from '../../app/i18n.tsx';
import type { HistoryEntry } from './api.ts';

const eventColors: Record<string, string> = {
  created: 'green',
  moved_in: 'green',
  moved: 'blue',
  updated: 'gray',
  moved_out: 'red',
};

function label(t: Translate, prefix: 'historyEvent' | 'field', code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** What changed, in words: changed fields, the note, batch import, members joining or leaving. */
function describe(entry: HistoryEntry, t: Translate): string[] {
  const details = entry.details ?? {};
  const lines: string[] = [];
  const fields = Array.isArray(details.fields)
    ? (details.fields as string[])
    : entry.event === 'updated'
      ? Object.keys(details).filter((k) => ['kind', 'tenure', 'note'].includes(k))
      : [];
  if (fields.length) {
    lines.push(
      t('history.fields', { fields: fields.map((f) => label(t, 'field', f)).join(t('history.sep')) }),
    );
  }
  if (typeof details.joined === 'string') lines.push(t('history.joined'));
  if (typeof details.left === 'string') lines.push(t('history.left'));
  if (Array.isArray(details.members)) lines.push(t('history.members', { count: details.members.length }));
  if (details.withHousehold === true) lines.push(t('history.withHousehold'));
  if (typeof details.importId === 'string') lines.push(t('history.imported'));
  if (typeof details.note === 'string' && details.note) lines.push(t('history.note', { note: details.note }));
  return lines;
}

/**
 * A template with `{from}` / `{to}` placeholders (from the locale file, unfilled) with each placeholder
 * replaced by a node, so addresses can be links inside a sentence whose word order belongs to the language.
 */
function fillNodes(template: string, nodes: Record<'from' | 'to', ReactNode>): ReactNode[] {
  return template
    .split(/(\{from\}|\{to\})/)
    .map((part, i) =>
      part === '{from}' ? (
        <Fragment key={i}>{nodes.from}</Fragment>
      ) : part === '{to}' ? (
        <Fragment key={i}>{nodes.to}</Fragment>
      ) : (
        part
      ),
    );
}

/**
 * The households an entry moved between. With their addresses: "从 A 迁至 B" (either side alone when the other
 * is absent); without (older servers): links labelled "previous household" / "new household" as before.
 */
function HouseholdsMoved({
  entry,
  currentHouseholdId,
}: {
  entry: HistoryEntry;
  currentHouseholdId?: string;
}) {
  const t = useT();
  const { fromHouseholdId: fromId, toHouseholdId: toId, fromAddress, toAddress } = entry;
  if (!fromId && !toId) return null;
  const link = (id: string, text: string) =>
    id === currentHouseholdId ? (
      <Typography.Text strong>{text}</Typography.Text>
    ) : (
      <Link to={`/households/${id}`}>{text}</Link>
    );
  if (fromAddress || toAddress) {
    const from = fromId ? link(fromId, fromAddress || t('history.fromHousehold')) : null;
    const to = toId ? link(toId, toAddress || t('history.toHousehold')) : null;
    const template = t(from && to ? 'history.fromTo' : from ? 'history.fromOnly' : 'history.toOnly');
    return (
      <div className="ww-history-line" data-testid="history-addresses">
        {fillNodes(template, { from, to })}
      </div>
    );
  }
  const shortLink = (id: string | null, text: string) =>
    id && id !== currentHouseholdId ? (
      <Link to={`/households/${id}`} style={{ marginInlineEnd: 8 }}>
        {text}
      </Link>
    ) : null;
  return (
    <div className="ww-history-line">
      {shortLink(fromId, t('history.fromHousehold'))}
      {shortLink(toId, t('history.toHousehold'))}
    </div>
  );
}

/** A resident's or household's history, newest first, linking the households moved between. */
export function HistoryTimeline({
  history,
  currentHouseholdId,
}: {
  history: HistoryEntry[];
  currentHouseholdId?: string;
}) {
  const t = useT();
  if (history.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  }
  return (
    <Timeline
      data-testid="history-timeline"
      items={history.map((entry) => ({
        key: entry.id,
        color: eventColors[entry.event] ?? 'gray',
        content: (
          <div>
            <Typography.Text strong>{label(t, 'historyEvent', entry.event)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(entry.at)}
            </Typography.Text>
            {describe(entry, t).map((line) => (
              <div key={line} className="ww-history-line">
                {line}
              </div>
            ))}
            <HouseholdsMoved entry={entry} currentHouseholdId={currentHouseholdId} />
          </div>
        ),
      }))}
    />
  );
}
