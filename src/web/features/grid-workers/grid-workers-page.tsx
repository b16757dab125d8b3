import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useTerritoryTree, type TerritoryTreeNode } from '../territory/api.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  employments,
  occupations,
  useAppoint,
  useEndWorker,
  useGridLoads,
  useGridWorkers,
  usePersonSearch,
  type Employment,
  type GridLoad,
  type GridWorker,
  type Occupation,
  type WorkerFilter,
} from './api.ts';

type GridOption = { title: string; value: string; key: string; selectable: boolean; children?: GridOption[] };

/** The caller's tree with only grids selectable. */
function gridOptions(nodes: TerritoryTreeNode[]): GridOption[] {
  return nodes.map((n) => ({
    title: n.name,
    value: n.id,
    key: n.id,
    selectable: n.level === 'grid',
    children: n.children.length ? gridOptions(n.children) : undefined,
  }));
}

function GridPicker({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const tree = useTerritoryTree();
  const options = useMemo(() => gridOptions(tree.data ?? []), [tree.data]);
  return (
    <TreeSelect
      multiple
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      treeData={options}
      loading={tree.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      data-testid="grid-picker"
    />
  );
}

type AppointValues = {
  mode: 'existing' | 'new';
  personId?: string;
  name?: string;
  mobile?: string;
  gridIds: string[];
  employment: Employment;
  occupation: Occupation;
  startsOn?: Dayjs;
  publishMobile?: boolean;
};

function AppointModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<AppointValues>();
  const [q, setQ] = useState('');
  const people = usePersonSearch(q);
  const appoint = useAppoint();
  const mode = Form.useWatch('mode', form);
  const required = [{ required: true, message: t('gridWorkers.required') }];

  const submit = async (values: AppointValues) => {
    const body = {
      ...(values.mode === 'existing'
        ? { personId: values.personId }
        : {
            person: {
              name: values.name,
              mobile: values.mobile || undefined,
              territoryId: values.gridIds[0],
            },
          }),
      gridIds: values.gridIds,
      employment: values.employment,
      occupation: values.occupation,
      startsOn: values.startsOn?.format('YYYY-MM-DD'),
      publishMobile: values.publishMobile ?? false,
    };
    try {
      const answer = await appoint.mutateAsync(body);
      void message.success(t('gridWorkers.appointed', { name: answer.data.name }));
      if (answer.opened) {
        modal.info({
          title: t('gridWorkers.openedTitle'),
          content: t('gridWorkers.opened', answer.opened),
        });
      }
      form.resetFields();
      onClose();
    } catch (error) {
      // A new person's number already used by another account is shown under the number they typed.
      const taken =
        values.mode === 'new' && error instanceof ApiError
          ? error.details.find((d) => d.field === 'mobile')
          : undefined;
      if (taken) form.setFields([{ name: 'mobile', errors: [taken.message] }]);
      void message.error((error as Error).message);
    }
  };

  return (
    <Modal
      open={open}
      title={t('gridWorkers.appoint')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={appoint.isPending}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'existing', employment: 'full_time', occupation: 'staff', gridIds: [] }}
        onFinish={submit}
      >
        <Form.Item name="mode" label={t('gridWorkers.personMode')}>
          <Radio.Group>
            <Radio value="existing">{t('gridWorkers.existing')}</Radio>
            <Radio value="new">{t('gridWorkers.newPerson')}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'new' ? (
          <>
            <Form.Item name="name" label={t('gridWorkers.newName')} rules={required}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="mobile" label={t('gridWorkers.newMobile')}>
              <Input maxLength={11} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="personId" label={t('gridWorkers.person')} rules={required}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              placeholder={t('gridWorkers.personSearch')}
              loading={people.isFetching}
              options={(people.data ?? []).flatMap((p) =>
                p
                  ? [
                      {
                        value: p.id,
                        label: `${p.name}${p.territoryName ? ` · ${p.territoryName}` : ''}${p.mobile ? ` · ${p.mobile}` : ''}`,
                      },
                    ]
                  : [],
              )}
              data-testid="person-select"
            />
          </Form.Item>
        )}
        <Form.Item name="gridIds" label={t('gridWorkers.gridsPick')} rules={required}>
          <GridPicker />
        </Form.Item>
        <Space wrap>
          <Form.Item name="employment" label={t('gridWorkers.employment')}>
            <Select
              style={{ width: 140 }}
              options={employments.map((e) => ({ value: e, label: t(`gridWorkers.employment.${e}`) }))}
            />
          </Form.Item>
          <Form.Item name="occupation" label={t('gridWorkers.occupation')}>
            <Select
              style={{ width: 160 }}
              options={occupations.map((o) => ({ value: o, label: t(`gridWorkers.occupation.${o}`) }))}
            />
          </Form.Item>
          <Form.Item name="startsOn" label={t('gridWorkers.startsOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="publishMobile" valuePropName="checked">
          <Checkbox>{t('gridWorkers.publishMobile')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndModal({ worker, onClose }: { worker: GridWorker | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const end = useEndWorker();
  const [gridIds, setGridIds] = useState<string[]>([]);
  const [endsOn, setEndsOn] = useState<Dayjs | null>(null);
  if (!worker) return null;
  const submit = async () => {
    try {
      await end.mutateAsync({
        id: worker.personId,
        gridIds: gridIds.length ? gridIds : undefined,
        endsOn: endsOn?.format('YYYY-MM-DD'),
      });
      void message.success(t('gridWorkers.endDone'));
      setGridIds([]);
      setEndsOn(null);
      onClose();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('gridWorkers.endTitle', { name: worker.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={end.isPending}
      okButtonProps={{ danger: true }}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('gridWorkers.endGrids')}</Typography.Text>
        <Checkbox.Group
          value={gridIds}
          onChange={(ids) => setGridIds(ids)}
          options={worker.grids.map((g) => ({
            value: g.gridId,
            label: `${g.communityName ?? ''} ${g.gridName}`,
          }))}
        />
        <Typography.Text>{t('gridWorkers.endsOn')}</Typography.Text>
        <DatePicker value={endsOn} onChange={setEndsOn} />
      </Space>
    </Modal>
  );
}

function WorkersTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<WorkerFilter>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [ending, setEnding] = useState<GridWorker | null>(null);
  const workers = useGridWorkers(filter);
  const set = (patch: Partial<WorkerFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: ColumnsType<GridWorker> = [
    { title: t('gridWorkers.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('gridWorkers.mobile'),
      key: 'mobile',
      render: (_, w) => <span className="ww-mono">{w.mobile ?? '—'}</span>,
    },
    {
      title: t('gridWorkers.employment'),
      key: 'employment',
      render: (_, w) =>
        w.employment ? (
          <Space size={4}>
            <Tag color={w.employment === 'full_time' ? 'blue' : 'orange'}>
              {t(`gridWorkers.employment.${w.employment}`)}
            </Tag>
            {w.occupation && w.occupation !== 'staff' ? (
              <Tag>{t(`gridWorkers.occupation.${w.occupation}`)}</Tag>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('gridWorkers.grids'),
      key: 'grids',
      render: (_, w) => (
        <Space size={[4, 4]} wrap>
          {w.grids.map((g) => (
            <Tag key={g.id}>
              {g.communityName} {g.gridName}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('gridWorkers.load'),
      key: 'load',
      align: 'right',
      render: (_, w) =>
        w.overloaded ? (
          <Tag color="red" data-testid="overloaded">
            {w.load} · {t('gridWorkers.overloaded')}
          </Tag>
        ) : (
          w.load
        ),
    },
    {
      title: t('gridWorkers.since'),
      key: 'since',
      render: (_, w) => w.grids.map((g) => g.startsOn).sort()[0] ?? '—',
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, w: GridWorker) => (
              <Button size="small" danger disabled={w.grids.length === 0} onClick={() => setEnding(w)}>
                {t('gridWorkers.end')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('gridWorkers.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 180 }}
        />
        <TerritorySelect
          value={filter.territoryId}
          onChange={(territoryId) => set({ territoryId })}
          placeholder={t('gridWorkers.place')}
        />
        <Select
          allowClear
          placeholder={t('gridWorkers.employment')}
          aria-label={t('gridWorkers.employment')}
          value={filter.employment}
          onChange={(employment: Employment | undefined) => set({ employment })}
          options={employments.map((e) => ({ value: e, label: t(`gridWorkers.employment.${e}`) }))}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          placeholder={t('gridWorkers.occupation')}
          aria-label={t('gridWorkers.occupation')}
          value={filter.occupation}
          onChange={(occupation: Occupation | undefined) => set({ occupation })}
          options={occupations.map((o) => ({ value: o, label: t(`gridWorkers.occupation.${o}`) }))}
          style={{ width: 150 }}
        />
        <Space size={4}>
          <Typography.Text>{t('gridWorkers.maxLoad')}</Typography.Text>
          <InputNumber
            min={1}
            max={100000}
            value={filter.maxLoad ?? workers.data?.maxLoad}
            onChange={(v) => set({ maxLoad: v ?? undefined })}
            aria-label={t('gridWorkers.maxLoad')}
          />
        </Space>
        <Space size={4}>
          <Switch
            checked={filter.overloaded === 'true'}
            onChange={(on) => set({ overloaded: on ? 'true' : undefined })}
            aria-label={t('gridWorkers.onlyOverloaded')}
          />
          <Typography.Text>{t('gridWorkers.onlyOverloaded')}</Typography.Text>
        </Space>
      </Space>
      {workers.isError ? <Alert type="error" showIcon message={t('common.loadFailed')} /> : null}
      <Table<GridWorker>
        rowKey="personId"
        size="middle"
        columns={columns}
        dataSource={workers.data?.data ?? []}
        loading={workers.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: workers.data?.page.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        data-testid="grid-workers-table"
      />
      <EndModal worker={ending} onClose={() => setEnding(null)} />
    </>
  );
}

function GridsTab() {
  const { t } = useI18n();
  const [territoryId, setTerritoryId] = useState<string | undefined>();
  const [uncovered, setUncovered] = useState(false);
  const [maxLoad, setMaxLoad] = useState<number>();
  const grids = useGridLoads({ territoryId, uncovered: uncovered ? 'true' : undefined, maxLoad });
  const summary = grids.data?.summary;
  const columns: ColumnsType<GridLoad> = [
    { title: t('gridWorkers.community'), dataIndex: 'communityName', key: 'community' },
    { title: t('gridWorkers.grid'), dataIndex: 'gridName', key: 'grid' },
    { title: t('gridWorkers.households'), dataIndex: 'households', key: 'households', align: 'right' },
    {
      title: t('gridWorkers.workers'),
      key: 'workers',
      align: 'right',
      render: (_, g) =>
        g.workers === 0 ? (
          <Tag color="red">{t('gridWorkers.uncovered')}</Tag>
        ) : (
          `${g.workers} (${g.fullTime}/${g.partTime})`
        ),
    },
    {
      title: t('gridWorkers.perWorker'),
      key: 'perWorker',
      align: 'right',
      render: (_, g) =>
        g.loadPerWorker === null ? (
          '—'
        ) : g.overloaded ? (
          <Tag color="red">{g.loadPerWorker}</Tag>
        ) : (
          g.loadPerWorker
        ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <TerritorySelect value={territoryId} onChange={setTerritoryId} placeholder={t('gridWorkers.place')} />
        <Space size={4}>
          <Typography.Text>{t('gridWorkers.maxLoad')}</Typography.Text>
          <InputNumber
            min={1}
            max={100000}
            value={maxLoad ?? summary?.maxLoad}
            onChange={(v) => setMaxLoad(v ?? undefined)}
            aria-label={t('gridWorkers.maxLoad')}
          />
        </Space>
        <Space size={4}>
          <Switch checked={uncovered} onChange={setUncovered} aria-label={t('gridWorkers.onlyUncovered')} />
          <Typography.Text>{t('gridWorkers.onlyUncovered')}</Typography.Text>
        </Space>
      </Space>
      {summary ? (
        <Alert
          type={summary.uncovered || summary.overloaded ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          message={t('gridWorkers.summary', summary)}
        />
      ) : null}
      <Table<GridLoad>
        rowKey="gridId"
        size="middle"
        columns={columns}
        dataSource={grids.data?.data ?? []}
        loading={grids.isFetching}
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        data-testid="grid-loads-table"
      />
    </>
  );
}

/** Grid workers within the caller's scope, their load, the grids' load and grids without a worker. */
export function GridWorkersPage() {
  const { t } = useI18n();
  const canWrite = useCan('grid_worker:write');
  const [appointing, setAppointing] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('gridWorkers.title')}
        subtitle={t('gridWorkers.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAppointing(true)}>
              {t('gridWorkers.appoint')}
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          {
            key: 'workers',
            label: t('gridWorkers.tabWorkers'),
            children: <WorkersTab canWrite={canWrite} />,
          },
          { key: 'grids', label: t('gridWorkers.tabGrids'), children: <GridsTab /> },
        ]}
      />
      {canWrite ? <AppointModal open={appointing} onClose={() => setAppointing(false)} /> : null}
    </div>
  );
}
