import { Fragment, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';

/**
 * A light list for the phone workbench instead of antd's List, which brings its Pagination (and with it Select) into
 * the phone script: a header, grey blocks while loading, a text when empty, and the rows (PlainItem), each with a
 * line below as antd's had. The workbench's lists are short (a worker's buildings, a building's households).
 */
export function PlainList<T>({
  header,
  loading,
  rows,
  rowKey,
  empty,
  render,
  ...rest
}: {
  header?: ReactNode;
  loading?: boolean;
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  render: (row: T, index: number) => ReactNode;
} & Omit<HTMLAttributes<HTMLDivElement>, 'children'>) {
  return (
    <div className="ww-plain-list" aria-busy={loading || undefined} {...rest}>
      {header ? <div className="ww-plain-list-header">{header}</div> : null}
      {loading && rows.length === 0 ? (
        <div className="ww-skeleton-page" style={{ padding: '12px 0' }}>
          <div className="ww-skeleton-bar ww-skeleton-short" />
          <div className="ww-skeleton-bar" />
        </div>
      ) : rows.length === 0 ? (
        (empty ?? null)
      ) : (
        <ul className="ww-plain-list-rows">
          {rows.map((row, i) => (
            <Fragment key={rowKey(row)}>{render(row, i)}</Fragment>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A row of PlainList (its content, actions on the right when given); a heading between rows is a PlainItem too. */
export function PlainItem({
  children,
  actions,
  style,
  ...rest
}: {
  children: ReactNode;
  actions?: ReactNode;
  style?: CSSProperties;
} & Omit<HTMLAttributes<HTMLLIElement>, 'children'>) {
  return (
    <li className="ww-plain-item" style={style} {...rest}>
      <div className="ww-plain-item-main">{children}</div>
      {actions ? <div className="ww-plain-item-actions">{actions}</div> : null}
    </li>
  );
}
