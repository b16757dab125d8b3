import {
  CheckCircleOutlined,
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Progress,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { refresh } from '../../api/cache.ts';
import { formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import {
  busyStatuses,
  importListKey,
  downloadReport,
  downloadTemplate,
  ERROR_PAGE_SIZE,
  useCommitImport,
  useDiscardImport,
  useImport,
  useImports,
  useUploadImport,
  type ImportDetail,
  type ImportMode,
  type ImportStatus,
  type ImportView,
} from './api.ts';

const MAX_BYTES = 20 * 1024 * 1024;

const statusBadge: Record<ImportStatus, 'processing' | 'success' | 'error' | 'default' | 'warning'> = {
  validating: 'processing',
  validated: 'warning',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
  discarded: 'default',
};

function percent(item: ImportView): number {
  const total = item.progress.totalRows;
  if (!total) return item.status === 'validating' ? 0 : 100;
  return Math.min(100, Math.round((item.progress.processedRows / total) * 100));
}

function step(status: ImportStatus | undefined): number {
  switch (status) {
    case undefined:
      return 0;
    case 'validating':
      return 1;
    case 'validated':
    case 'committing':
      return 2;
    case 'committed':
    case 'failed':
    case 'discarded':
      return 3;
  }
}

type RowError = ImportDetail['errors'][number];

/** The outcome of validation: counts, the row errors (server-paged), the report download and the commit choices. */
function Validated({
  detail,
  errorPage,
  onErrorPage,
}: {
  detail: ImportDetail;
  errorPage: number;
  onErrorPage: (page: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const commit = useCommitImport();
  const discard = useDiscardImport();
  const [busy, setBusy] = useState(false);
  const { counts } = detail;
  const hasErrors = counts.errorRows > 0;

  const run = (mode: ImportMode) =>
    modal.confirm({
      title: t(mode === 'valid-only' ? 'import.commitValid' : 'import.commitAll'),
      content:
        mode === 'valid-only'
          ? t('import.confirmValid', { valid: counts.validRows, skipped: counts.errorRows })
          : t('import.confirmAll', { rows: counts.rows }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        commit
          .mutateAsync({ id: detail.id, mode })
          .catch((error: Error) => void message.error(error.message)),
    });

  const columns: ColumnsType<RowError> = [
    { title: t('import.row'), dataIndex: 'row', width: 64 },
    { title: t('import.column'), dataIndex: 'column', width: 104, render: (c: string | null) => c ?? '—' },
    { title: t('import.reason'), key: 'reason', render: (_, e) => pick(e.message) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('import.rows')} value={counts.rows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('import.validRows')}
            value={counts.validRows}
            styles={{ content: { color: '#389e0d' } }}
            data-testid="import-valid-rows"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('import.errorRows')}
            value={counts.errorRows}
            styles={{ content: { color: hasErrors ? '#cf1322' : undefined } }}
            data-testid="import-error-rows"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('import.newHouseholds')} value={counts.newHouseholds} />
        </Col>
      </Row>
      {hasErrors ? (
        <Card
          size="small"
          title={t('import.errorsTitle', { rows: counts.errorRows, errors: counts.errors })}
          extra={
            detail.reportAvailable ? (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => downloadReport(detail.id).catch((e: Error) => void message.error(e.message))}
                data-testid="import-report"
              >
                {t('import.downloadReport')}
              </Button>
            ) : null
          }
        >
          <Table<RowError>
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
            size="small"
            columns={columns}
            dataSource={detail.errors}
            data-testid="import-errors"
            pagination={{
              current: errorPage,
              pageSize: ERROR_PAGE_SIZE,
              total: detail.errorPage.total,
              showSizeChanger: false,
              onChange: onErrorPage,
            }}
          />
        </Card>
      ) : (
        <Alert type="success" showIcon title={t('import.allValid', { rows: counts.rows })} />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={counts.validRows === 0}
          loading={commit.isPending && commit.variables?.mode === 'valid-only'}
          onClick={() => run('valid-only')}
          data-testid="import-commit-valid"
        >
          {t('import.commitValid')}
        </Button>
        <Button
          disabled={hasErrors || counts.validRows === 0}
          loading={commit.isPending && commit.variables?.mode === 'all-or-nothing'}
          onClick={() => run('all-or-nothing')}
          data-testid="import-commit-all"
        >
          {t('import.commitAll')}
        </Button>
        <Button
          danger
          icon={<DeleteOutlined />}
          loading={busy}
          onClick={() => {
            setBusy(true);
            discard.mutate(detail.id, {
              onSuccess: () => void message.success(t('import.discarded')),
              onError: (error) => void message.error(error.message),
              onSettled: () => setBusy(false),
            });
          }}
          data-testid="import-discard"
        >
          {t('import.discard')}
        </Button>
        {hasErrors ? <Typography.Text type="secondary">{t('import.allDisabled')}</Typography.Text> : null}
      </Space>
    </Space>
  );
}

function RecentImports({ onOpen, currentId }: { onOpen: (id: string) => void; currentId: string | null }) {
  const { t } = useI18n();
  const imports = useImports();
  const columns: ColumnsType<ImportView> = [
    {
      title: t('import.file'),
      dataIndex: 'fileName',
      render: (name: string, item) =>
        item.id === currentId ? (
          <strong>{name}</strong>
        ) : (
          <Typography.Link onClick={() => onOpen(item.id)}>{name}</Typography.Link>
        ),
    },
    {
      title: t('import.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: ImportStatus) => (
        <Badge status={statusBadge[status]} text={t(`importStatus.${status}`)} />
      ),
    },
    {
      title: t('import.counts'),
      key: 'counts',
      responsive: ['md'],
      render: (_, item) =>
        t('import.countsValue', {
          rows: item.counts.rows,
          valid: item.counts.validRows,
          errors: item.counts.errorRows,
        }),
    },
    {
      title: t('import.at'),
      dataIndex: 'createdAt',
      width: 170,
      responsive: ['lg'],
      render: (at: string) => formatDateTime(at),
    },
  ];
  return (
    <Card size="small" title={t('import.recent')}>
      <Table<ImportView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={imports.data ?? []}
        loading={imports.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.none')} /> }}
      />
    </Card>
  );
}

/**
 * Excel import of households and residents: download the template, upload it, watch validation, read the
 * report of bad rows, then write the valid rows (or all of them, only when none is bad) or discard the upload.
 */
export function ImportPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mobile = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [errorPage, setErrorPage] = useState(1);
  const upload = useUploadImport();
  const current = useImport(id, errorPage);
  const detail = current.data?.id === id ? current.data : undefined;
  const status = detail?.status;

  // The list of recent imports shows each one's status; once rows are written, what the commit changes is
  // refreshed again, as after the commit request itself.
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: importListKey });
    if (status === 'committed') void refresh(queryClient, 'POST /registry/imports/{id}/commit');
  }, [status, queryClient]);

  const open = (next: string | null) => {
    setErrorPage(1);
    setParams(next ? { id: next } : {});
  };

  const uploader = (
    <div data-testid="import-upload">
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          if (!file.name.toLowerCase().endsWith('.xlsx')) {
            void message.error(t('import.onlyXlsx'));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            void message.error(t('import.tooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(file as File, {
            onSuccess: (created) => {
              onSuccess?.(created);
              open(created.id);
            },
            onError: (error) => {
              onError?.(error);
              void message.error(error.message);
            },
          });
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{upload.isPending ? t('import.uploading') : t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
    </div>
  );

  let body: ReactNode;
  if (!id) body = uploader;
  else if (current.isError) body = <Alert type="error" showIcon title={current.error.message} />;
  else if (!detail) body = <Card loading />;
  else if (busyStatuses.includes(detail.status)) {
    body = (
      <div data-testid="import-progress">
        <Typography.Paragraph>
          {detail.status === 'validating'
            ? t('import.validating', {
                done: detail.progress.processedRows,
                total: detail.progress.totalRows ?? '…',
              })
            : t('import.committing')}
        </Typography.Paragraph>
        <Progress percent={detail.status === 'validating' ? percent(detail) : 99} status="active" />
      </div>
    );
  } else if (detail.status === 'validated') {
    body = <Validated detail={detail} errorPage={errorPage} onErrorPage={setErrorPage} />;
  } else if (detail.status === 'committed') {
    body = (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={<span data-testid="import-committed">{t('import.committedTitle')}</span>}
        subTitle={t('import.committedText', {
          residents: detail.counts.committedResidents ?? 0,
          households: detail.counts.committedHouseholds ?? 0,
          skipped: detail.counts.errorRows,
        })}
        extra={
          <Button type="primary" onClick={() => open(null)} data-testid="import-again">
            {t('import.again')}
          </Button>
        }
      />
    );
  } else {
    body = (
      <Result
        status={detail.status === 'failed' ? 'error' : 'info'}
        title={t(`importStatus.${detail.status}`)}
        subTitle={detail.failure ? pick(detail.failure) : t('import.discardedText')}
        extra={
          <Button type="primary" onClick={() => open(null)}>
            {t('import.again')}
          </Button>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        extra={
          <Button
            icon={<FileExcelOutlined />}
            onClick={() => downloadTemplate().catch((e: Error) => void message.error(e.message))}
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title={detail ? t('import.fileTitle', { name: detail.fileName }) : t('import.uploadTitle')}
          extra={
            detail ? (
              <Badge status={statusBadge[detail.status]} text={t(`importStatus.${detail.status}`)} />
            ) : null
          }
        >
          {mobile ? null : (
            <Steps
              size="small"
              current={step(status)}
              status={status === 'failed' ? 'error' : status === 'committed' ? 'finish' : 'process'}
              style={{ marginBottom: 20 }}
              items={[
                { title: t('import.step.template') },
                { title: t('import.step.validate') },
                { title: t('import.step.review') },
                { title: t('import.step.done') },
              ]}
            />
          )}
          {body}
        </Card>
        <RecentImports onOpen={open} currentId={id} />
      </Space>
    </>
  );
}
