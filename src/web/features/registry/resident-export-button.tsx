import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { residentExportQuery, type ResidentFilter } from './api.ts';

/**
 * Exports the filtered resident list as .xlsx (resident:export). ID cards and phones stay masked unless a holder
 * of personal:reveal ticks the box; the server audits every export.
 */
export function ResidentExportButton({
  filter,
  total,
}: {
  filter: Omit<ResidentFilter, 'page' | 'pageSize'>;
  total: number | undefined;
}) {
  const t = useT();
  const { message } = App.useApp();
  const canExport = useCan('resident:export');
  const canReveal = useCan('personal:reveal');
  const [open, setOpen] = useState(false);
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canExport) return null;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadFile('/residents/export', {
        query: residentExportQuery(filter, canReveal && reveal),
        fileName: 'residents.xlsx',
      });
      void message.success(t('residents.exportStarted'));
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="residents-export-open">
        {t('residents.export')}
      </Button>
      <Modal
        open={open}
        title={t('residents.exportTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void run()}
        okText={t('residents.exportOk')}
        confirmLoading={busy}
        destroyOnHidden
        data-testid="residents-export"
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Typography.Paragraph>
          {total === undefined ? t('residents.exportHintUnknown') : t('residents.exportHint', { total })}
        </Typography.Paragraph>
        {canReveal ? (
          <Checkbox
            checked={reveal}
            onChange={(e) => setReveal(e.target.checked)}
            data-testid="residents-export-reveal"
          >
            {t('residents.exportReveal')}
          </Checkbox>
        ) : (
          <Typography.Text type="secondary">{t('residents.exportMasked')}</Typography.Text>
        )}
      </Modal>
    </>
  );
}
