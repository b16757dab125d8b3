import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { useTerritoryMap } from '../map/api.ts';
import {
  barrierKinds,
  useAddBarrier,
  useBarriers,
  useDeleteBarrier,
  useImportBarriers,
  type Barrier,
  type BarrierKind,
  type GridPolygons,
} from './api.ts';
import { PALETTE } from './grids.ts';
import { PlannerMap, type PlanLine, type PlanPoint } from './planner-map.tsx';

/** An API error with its field details, as one line. */
function errorText(e: unknown): string {
  if (e instanceof ApiError && e.details.length > 0) {
    return `${e.message}：${e.details
      .slice(0, 5)
      .map((d) => d.message)
      .join('；')}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Barrier lines of a place (main roads, rivers, rail lines no grid may cross): listed and drawn on the place's map
 * (its areas and buildings), drawn by clicking points (double-click ends), imported from a GeoJSON file, deleted.
 */
export function BarriersPanel({ placeId, placeName }: { placeId: string; placeName: string }) {
  const t = useT();
  const { message } = App.useApp();
  const barriers = useBarriers(placeId);
  const view = useTerritoryMap(placeId, 'children');
  const add = useAddBarrier();
  const importLines = useImportBarriers();
  const remove = useDeleteBarrier();
  const [drawing, setDrawing] = useState(false);
  const [drawn, setDrawn] = useState<[number, number][] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  const polygons = useMemo((): GridPolygons | null => {
    const features = view.data?.areas.features ?? [];
    return {
      type: 'FeatureCollection',
      features: features.flatMap((f) =>
        f.geometry
          ? [
              {
                type: 'Feature' as const,
                properties: { grid: f.properties.id },
                geometry: {
                  type: 'MultiPolygon' as const,
                  coordinates:
                    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
                },
              },
            ]
          : [],
      ),
    };
  }, [view.data]);
  const areas = useMemo(
    () =>
      (view.data?.areas.features ?? []).map((f, i) => ({
        grid: f.properties.id,
        label: f.properties.name,
        colour: PALETTE[i % PALETTE.length]!,
      })),
    [view.data],
  );
  const points = useMemo(
    (): PlanPoint[] =>
      (view.data?.buildings?.features ?? []).flatMap((b) =>
        b.geometry
          ? [
              {
                id: b.properties.id,
                lng: b.geometry.coordinates[0],
                lat: b.geometry.coordinates[1],
                colour: '#f6c453',
                title: b.properties.name,
              },
            ]
          : [],
      ),
    [view.data],
  );
  const lines = useMemo(
    (): PlanLine[] =>
      (barriers.data ?? []).map((b) => ({
        id: b.id,
        points: b.line,
        kind: b.kind,
        selected: b.id === selected,
      })),
    [barriers.data, selected],
  );

  const importFile = async (file: File) => {
    setImportError(null);
    let collection: unknown;
    try {
      collection = JSON.parse(await file.text());
    } catch {
      setImportError(t('planner.barriers.notJson'));
      return;
    }
    importLines.mutate(
      {
        territoryId: placeId,
        collection: collection as Parameters<typeof importLines.mutate>[0]['collection'],
      },
      {
        onSuccess: (added) => void message.success(t('planner.barriers.imported', { n: added.length })),
        onError: (e) => setImportError(errorText(e)),
      },
    );
  };

  const columns: ColumnsType<Barrier> = [
    {
      title: t('planner.barriers.name'),
      dataIndex: 'name',
      render: (name: string, b) => (
        <Button type="link" size="small" className="ww-plan-link" onClick={() => setSelected(b.id)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('planner.barriers.kind'),
      dataIndex: 'kind',
      render: (k: BarrierKind) => <Tag>{t(`planner.kind.${k}`)}</Tag>,
    },
    { title: t('planner.barriers.points'), key: 'points', align: 'right', render: (_, b) => b.line.length },
    {
      title: t('planner.barriers.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, b) => (
        <ConfirmAction
          confirm={t('planner.barriers.deleteConfirm', { name: b.name })}
          action={() => remove.mutateAsync(b.id)}
          done={t('planner.barriers.deleted')}
          testId="planner-barrier-delete"
        >
          {t('planner.barriers.delete')}
        </ConfirmAction>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('planner.barriers.title', { name: placeName })}
      className="ww-plan-card ww-plan-barriers"
      data-testid="planner-barriers"
      extra={
        <Space wrap size={8}>
          <Button
            size="small"
            icon={<EditOutlined />}
            type={drawing ? 'primary' : 'default'}
            onClick={() => setDrawing((d) => !d)}
            aria-pressed={drawing}
            data-testid="planner-barrier-draw"
          >
            {drawing ? t('planner.barriers.stopDrawing') : t('planner.barriers.draw')}
          </Button>
          <Upload
            accept=".geojson,.json,application/geo+json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={importLines.isPending}>
              {t('planner.barriers.import')}
            </Button>
          </Upload>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" className="ww-plan-note">
        {drawing ? t('planner.barriers.drawHint') : t('planner.barriers.hint')}
      </Typography.Paragraph>
      {importError ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setImportError(null) }}
          title={importError}
          className="ww-plan-alert"
          data-testid="planner-import-error"
        />
      ) : null}
      <PlannerMap
        polygons={polygons}
        areas={areas}
        points={points}
        lines={lines}
        drawing={drawing}
        onDrawn={(line) => setDrawn(line)}
        height={360}
        label={t('planner.barriers.mapOf', { name: placeName })}
        texts={{ zoomIn: t('planner.zoomIn'), zoomOut: t('planner.zoomOut') }}
        testId="planner-barrier-map"
      />
      <Table
        rowKey="id"
        size="small"
        loading={barriers.isFetching}
        dataSource={barriers.data ?? []}
        columns={columns}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('planner.barriers.none') }}
        className="ww-plan-barrier-table"
        data-testid="planner-barrier-list"
      />
      {drawn ? (
        <NewBarrierDialog
          placeId={placeId}
          line={drawn}
          pending={add.isPending}
          save={(body, onError) =>
            add.mutate(body, {
              onSuccess: () => {
                void message.success(t('planner.barriers.added'));
                setDrawn(null);
                setDrawing(false);
              },
              onError,
            })
          }
          close={() => setDrawn(null)}
        />
      ) : null}
    </Card>
  );
}

type BarrierValues = { kind: BarrierKind; name: string };

/** The kind and name of a line just drawn. */
function NewBarrierDialog({
  placeId,
  line,
  pending,
  save,
  close,
}: {
  placeId: string;
  line: [number, number][];
  pending: boolean;
  save: (
    body: { territoryId: string; kind: BarrierKind; name: string; line: [number, number][] },
    onError: (e: Error) => void,
  ) => void;
  close: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<BarrierValues>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    save({ territoryId: placeId, kind: v.kind, name: v.name, line }, (e) => setError(errorText(e)));
  };
  return (
    <Modal
      open
      title={t('planner.barriers.newTitle', { n: line.length })}
      onCancel={close}
      onOk={() => void submit()}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'planner-barrier-save' }}
    >
      {error ? <Alert type="error" showIcon title={error} className="ww-plan-alert" /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'road' }} data-testid="planner-barrier-form">
        <Form.Item name="kind" label={t('planner.barriers.kind')}>
          <Select
            aria-label={t('planner.barriers.kind')}
            options={barrierKinds.map((k) => ({ value: k, label: t(`planner.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('planner.barriers.name')}
          rules={[{ required: true, whitespace: true, message: t('planner.barriers.nameRequired') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('planner.barriers.namePlaceholder')}
            data-testid="planner-barrier-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
