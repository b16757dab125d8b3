import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { residentExportQuery, startResidentExport, useResidentExport, type ResidentFilter } from './api.ts';

/**
 * Exports the filtered resident list as .xlsx (resident:export), made in the background: the dialog shows the rows
 * written so far, then a download button. ID cards and phones stay masked unless a holder of personal:reveal ticks
 * the box; the server audits every export and removes the file once downloaded (or after an hour).
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
  const [exportId, setExportId] = useState<string | null>(null);
  const job = useResidentExport(exportId);
  if (!canExport) return null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await startResidentExport(residentExportQuery(filter, canReveal && reveal));
      setExportId(started.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    if (!exportId) return;
    setBusy(true);
    try {
      await downloadFile('/residents/exports/{id}/file', {
        path: { id: exportId },
        fileName: 'residents.xlsx',
      });
      void message.success(t('residents.exportStarted'));
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setExportId(null);
    setError(null);
  };

  const state = job.data;
  const ready = state?.status === 'ready';
  const failed = state?.status === 'failed';
  const percent =
    state?.totalRows && state.totalRows > 0
      ? Math.floor((state.doneRows / state.totalRows) * 100)
      : ready
        ? 100
        : 0;

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="residents-export-open">
        {t('residents.export')}
      </Button>
      <Modal
        open={open}
        title={t('residents.exportTitle')}
        onCancel={close}
        onOk={() => void (ready ? download() : start())}
        okText={ready ? t('residents.exportDownload') : t('residents.exportOk')}
        okButtonProps={{ disabled: (exportId !== null && !ready) || failed }}
        confirmLoading={busy}
        destroyOnHidden
        data-testid="residents-export"
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {exportId === null ? (
          <>
            <Typography.Paragraph>
              {total === undefined
                ? t('residents.exportHintUnknown')
                : t('residents.exportHint', { total: total.toLocaleString() })}
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
          </>
        ) : (
          <div data-testid="residents-export-progress">
            <Progress percent={percent} status={failed ? 'exception' : ready ? 'success' : 'active'} />
            <Typography.Paragraph type="secondary">
              {failed
                ? t('residents.exportFailed')
                : ready
                  ? t('residents.exportReady', { rows: (state?.totalRows ?? 0).toLocaleString() })
                  : t('residents.exportRunning', {
                      done: (state?.doneRows ?? 0).toLocaleString(),
                      total: state?.totalRows === null || !state ? '…' : state.totalRows.toLocaleString(),
                    })}
            </Typography.Paragraph>
          </div>
        )}
      </Modal>
    </>
  );
}
