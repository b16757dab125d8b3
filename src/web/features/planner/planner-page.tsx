import { ThunderboltOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useTerritoryTree } from '../territory/api.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { indexTree } from '../territory/tree-search.ts';
import { useCreateProposal, usePlaceBuildings, useProposals, type ProposalSummary } from './api.ts';
import { BarriersPanel } from './barriers-panel.tsx';
import './planner.css';

type FormValues = {
  territoryId?: string;
  mode: 'adjust' | 'fresh';
  by: 'target' | 'count';
  targetHouseholds: number;
  tolerance: number;
  gridCount?: number;
  seed: number;
  pinnedBuildingIds: string[];
};

/** The expected time of a plan, for the progress bar: a county takes a few seconds, the time limit caps it. */
const EXPECTED_MS = 4000;

/**
 * The grid planner (网格优化): start a proposal for a community, street or the county in scope, the place's
 * proposals, and the barrier lines (roads, rivers, rail lines) no grid may cross.
 */
export function PlannerPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tree = useTerritoryTree();
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  // The first place in scope that can be planned: a grid worker's grid cannot, so its community is not offered.
  const defaultPlace = roots.find((r) => r.level !== 'grid')?.id;
  const placeId = params.get('place') ?? defaultPlace;
  const place = placeId ? index.get(placeId)?.node : undefined;
  const proposals = useProposals(placeId, Boolean(placeId));
  const [form] = Form.useForm<FormValues>();
  const create = useCreateProposal();
  const errors = useApiFormErrors(form, (field) =>
    field.startsWith('pinnedBuildingIds')
      ? 'pinnedBuildingIds'
      : fieldsNamed('territoryId', 'mode', 'targetHouseholds', 'tolerance', 'gridCount', 'seed')(field, ''),
  );
  const by = Form.useWatch('by', form) ?? 'target';
  const mode = Form.useWatch('mode', form) ?? 'adjust';
  const [buildingQuery, setBuildingQuery] = useState('');
  // Pinning looks buildings up by name, which the building search allows to registry readers.
  const canPin = useCan('resident:read');
  const buildings = usePlaceBuildings(placeId, buildingQuery, mode === 'adjust' && canPin);
  const [selectedRows, setSelectedRows] = useState<string[]>([]);
  // Names of pinned buildings, kept once the search moves on.
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const buildingLabel = (b: { name: string; households: number }) => `${b.name}（${b.households}）`;
  const pinned = Form.useWatch('pinnedBuildingIds', form) ?? [];
  const pinOptions = [...new Set([...pinned, ...(buildings.data ?? []).map((b) => b.id)])].map((value) => {
    const found = buildings.data?.find((b) => b.id === value);
    return { value, label: found ? buildingLabel(found) : (known.get(value) ?? value) };
  });

  useEffect(() => {
    if (placeId) form.setFieldValue('territoryId', placeId);
  }, [placeId, form]);

  const choosePlace = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('place', id);
    else next.delete('place');
    setParams(next, { replace: true });
    form.setFieldValue('pinnedBuildingIds', []);
    setSelectedRows([]);
  };

  const submit = async () => {
    const v = await form.validateFields();
    errors.clear();
    create.mutate(
      {
        territoryId: v.territoryId!,
        mode: v.mode,
        targetHouseholds: v.targetHouseholds,
        tolerance: v.tolerance / 100,
        gridCount: v.by === 'count' ? v.gridCount : undefined,
        seed: v.seed,
        pinnedBuildingIds: v.mode === 'adjust' ? (v.pinnedBuildingIds ?? []) : [],
      },
      {
        onSuccess: (proposal) => void navigate(`/planner/${proposal.id}`),
        onError: errors.apply,
      },
    );
  };

  const nameOf = (id: string, code: string) => index.get(id)?.node.name ?? code;
  const columns: ColumnsType<ProposalSummary> = [
    {
      title: t('planner.col.place'),
      key: 'place',
      render: (_, r) => (
        <Link to={`/planner/${r.id}`} data-testid="planner-open">
          {nameOf(r.territoryId, r.territoryCode)}
        </Link>
      ),
    },
    {
      title: t('planner.col.status'),
      dataIndex: 'status',
      render: (s: ProposalSummary['status']) => (
        <Tag color={s === 'draft' ? 'processing' : 'success'}>{t(`planner.status.${s}`)}</Tag>
      ),
    },
    {
      title: t('planner.col.mode'),
      dataIndex: 'mode',
      render: (m: ProposalSummary['mode']) => t(`planner.mode.${m}`),
    },
    {
      title: t('planner.col.target'),
      key: 'target',
      render: (_, r) =>
        r.gridCount !== null
          ? t('planner.targetGrids', { n: r.gridCount })
          : t('planner.targetText', { n: r.targetHouseholds, tol: Math.round(r.tolerance * 100) }),
    },
    { title: t('planner.col.grids'), key: 'grids', align: 'right', render: (_, r) => r.measures.grids },
    {
      title: t('planner.col.within'),
      key: 'within',
      align: 'right',
      render: (_, r) => `${(r.measures.withinTolerance * 100).toFixed(0)}%`,
    },
    {
      title: t('planner.col.moved'),
      key: 'moved',
      align: 'right',
      render: (_, r) => r.measures.movedHouseholds.toLocaleString(),
    },
    { title: t('planner.col.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div className="ww-plan-page">
      <PageHeader title={t('planner.title')} subtitle={t('planner.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('planner.newProposal')} className="ww-plan-card">
            {create.isPending ? <Planning /> : null}
            {/* Kept mounted while planning, so that the server's field errors land on it. */}
            <div hidden={create.isPending}>
              {errors.alert}
              <Form
                form={form}
                layout="vertical"
                data-testid="planner-form"
                initialValues={{
                  mode: 'adjust',
                  by: 'target',
                  targetHouseholds: 300,
                  tolerance: 10,
                  seed: 1,
                  pinnedBuildingIds: [],
                }}
              >
                <Form.Item
                  name="territoryId"
                  label={t('planner.form.place')}
                  rules={[{ required: true, message: t('planner.form.placeRequired') }]}
                >
                  <TerritorySelect
                    placeholder={t('planner.form.place')}
                    onChange={choosePlace}
                    className="ww-plan-place"
                    testId="planner-place"
                  />
                </Form.Item>
                <Form.Item name="mode" label={t('planner.form.mode')}>
                  <Radio.Group
                    optionType="button"
                    aria-label={t('planner.form.mode')}
                    options={[
                      { value: 'adjust', label: t('planner.mode.adjust') },
                      { value: 'fresh', label: t('planner.mode.fresh') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="by" label={t('planner.form.by')}>
                  <Radio.Group
                    aria-label={t('planner.form.by')}
                    options={[
                      { value: 'target', label: t('planner.form.byTarget') },
                      { value: 'count', label: t('planner.form.byCount') },
                    ]}
                  />
                </Form.Item>
                {by === 'target' ? (
                  <Space wrap size={12} align="start">
                    <Form.Item
                      name="targetHouseholds"
                      label={t('planner.form.target')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={50} max={2000} step={10} suffix={t('planner.form.householdsUnit')} />
                    </Form.Item>
                    <Form.Item
                      name="tolerance"
                      label={t('planner.form.tolerance')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={1} max={50} prefix="±" suffix="%" />
                    </Form.Item>
                  </Space>
                ) : (
                  <Space wrap size={12} align="start">
                    <Form.Item
                      name="gridCount"
                      label={t('planner.form.gridCount')}
                      rules={[{ required: true, message: t('planner.form.gridCountRequired') }]}
                    >
                      <InputNumber min={1} max={2000} data-testid="planner-grid-count" />
                    </Form.Item>
                    <Form.Item
                      name="tolerance"
                      label={t('planner.form.tolerance')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={1} max={50} prefix="±" suffix="%" />
                    </Form.Item>
                  </Space>
                )}
                <Form.Item
                  name="seed"
                  label={t('planner.form.seed')}
                  tooltip={t('planner.form.seedTip')}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={1} max={1_000_000} />
                </Form.Item>
                {mode === 'adjust' && canPin ? (
                  <Form.Item
                    name="pinnedBuildingIds"
                    label={t('planner.form.pinned')}
                    extra={t('planner.form.pinnedHint')}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      showSearch={{ filterOption: false, onSearch: setBuildingQuery }}
                      placeholder={t('planner.form.pinnedPlaceholder')}
                      aria-label={t('planner.form.pinned')}
                      loading={buildings.isFetching}
                      options={pinOptions}
                      onSelect={(value: string) => {
                        const found = buildings.data?.find((b) => b.id === value);
                        if (found) setKnown((previous) => new Map(previous).set(value, buildingLabel(found)));
                      }}
                      data-testid="planner-pinned"
                    />
                  </Form.Item>
                ) : null}
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  block
                  onClick={() => void submit()}
                  data-testid="planner-start"
                >
                  {t('planner.start')}
                </Button>
              </Form>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={place ? t('planner.proposalsOf', { name: place.name }) : t('planner.proposals')}
            className="ww-plan-card"
            extra={
              <Button
                size="small"
                disabled={selectedRows.length !== 2}
                onClick={() =>
                  void navigate(`/planner/${selectedRows[0]}?view=compare&compare=${selectedRows[1]}`)
                }
                data-testid="planner-compare"
              >
                {t('planner.compareTwo')}
              </Button>
            }
          >
            <Table
              rowKey="id"
              size="small"
              loading={proposals.isFetching}
              dataSource={proposals.data ?? []}
              columns={columns}
              rowSelection={{
                hideSelectAll: true,
                selectedRowKeys: selectedRows,
                onChange: (keys) => setSelectedRows((keys as string[]).slice(-2)),
                getCheckboxProps: (r) => ({
                  'aria-label': t('planner.selectRow', { time: formatDateTime(r.createdAt) }),
                }),
              }}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('planner.noProposals') }}
              data-testid="planner-proposals"
            />
            <Typography.Text type="secondary" className="ww-plan-note">
              {t('planner.compareHint')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {placeId ? <BarriersPanel placeId={placeId} placeName={place?.name ?? ''} /> : null}
    </div>
  );
}

/** While the planner runs (in the request, a few seconds): a bar filling over the expected time and a skeleton. */
function Planning() {
  const t = useT();
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const share = Math.min(0.95, (now - started) / EXPECTED_MS);
  return (
    <div data-testid="planner-planning" aria-live="polite">
      <Typography.Paragraph>{t('planner.planning')}</Typography.Paragraph>
      <Progress percent={Math.round(share * 100)} status="active" aria-label={t('planner.planning')} />
      <Skeleton active paragraph={{ rows: 4 }} />
    </div>
  );
}
