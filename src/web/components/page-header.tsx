import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page: heading, one-line explanation and the page's main actions. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="ww-page-header">
      <div className="ww-page-header-text">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Text type="secondary" className="ww-page-header-subtitle">
            {subtitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <div className="ww-page-header-extra">{extra}</div> : null}
    </div>
  );
}
