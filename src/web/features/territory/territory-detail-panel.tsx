import { EditOutlined, EnvironmentOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Grid,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n.tsx';
import { useCan, useMe, useRoleCatalogue } from '../../app/session.ts';
import { childLevelOf, useTerritory, type TerritoryLevel, type TerritoryNode } from './api.ts';
import type { TerritoryFormTarget } from './territory-form-modal.tsx';

const levelColor: Record<TerritoryLevel, string> = {
  county: 'red',
  street: 'volcano',
  community: 'blue',
  grid: 'green',
};

export function LevelTag({ level }: { level: TerritoryLevel }) {
  const { t } = useI18n();
  return (
    <Tag color={levelColor[level]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`level.${level}`)}
    </Tag>
  );
}

/** The selected node: breadcrumb, facts, counts and children, with add / rename for writers. */
export function TerritoryDetailPanel({
  id,
  onSelect,
  onEdit,
}: {
  id: string | null;
  onSelect: (id: string) => void;
  onEdit: (target: TerritoryFormTarget) => void;
}) {
  const { t } = useI18n();
  const canWrite = useCan('territory:write');
  const me = useMe().data;
  const catalogue = useRoleCatalogue().data;
  const detail = useTerritory(id);
  const mobile = Grid.useBreakpoint().md === false;

  if (!id) {
    return (
      <Card>
        <Empty description={t('territory.selectHint')} />
      </Card>
    );
  }
  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (detail.isError) {
    return (
      <Card>
        <Alert type="error" showIcon title={detail.error.message} />
      </Card>
    );
  }

  const node = detail.data;
  const childLevel = childLevelOf(node.level);
  const counts: { key: keyof TerritoryNode['counts']; label: string }[] = [
    { key: 'streets' as const, label: t('territory.streets') },
    { key: 'communities' as const, label: t('territory.communities') },
    { key: 'grids' as const, label: t('territory.grids') },
  ].slice(['county', 'street', 'community', 'grid'].indexOf(node.level));

  const columns: ColumnsType<TerritoryNode> = [
    {
      title: t('territory.name'),
      dataIndex: 'name',
      render: (_, child) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(child.id)}>
          {child.name}
        </Button>
      ),
    },
    {
      title: t('territory.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('territory.sequence'), dataIndex: 'sequence', width: 72, responsive: ['md'] },
    ...(childLevel === 'street'
      ? [
          {
            title: t('territory.communities'),
            key: 'communities',
            render: (_: unknown, c: TerritoryNode) => c.counts.communities,
          },
        ]
      : []),
    ...(childLevel === 'street' || childLevel === 'community'
      ? [
          {
            title: t('territory.grids'),
            key: 'grids',
            render: (_: unknown, c: TerritoryNode) => c.counts.grids,
          },
        ]
      : []),
    {
      title: t('territory.boundary'),
      dataIndex: 'hasBoundary',
      responsive: ['sm'],
      render: (has: boolean) =>
        has ? (
          <Tag color="success">{t('territory.boundarySet')}</Tag>
        ) : (
          <Tag>{t('territory.boundaryUnset')}</Tag>
        ),
    },
  ];

  // The node a territory:write role is anchored on is the level above's to rename (the server refuses it).
  const writes = (role: string) =>
    catalogue?.find((c) => c.code === role)?.permissions.includes('territory:write') ?? false;
  const writers = me?.roles.filter((r) => writes(r.role)) ?? [];
  const ownAnchor =
    !writers.some((r) => r.scopeKind === 'all') &&
    writers.some((r) => r.territories.some((place) => place.id === node.id));
  const writeActions = (
    <>
      {ownAnchor ? null : (
        <Button
          icon={<EditOutlined />}
          onClick={() => onEdit({ mode: 'rename', id: node.id, name: node.name })}
          data-testid="territory-rename"
        >
          {t('territory.rename')}
        </Button>
      )}
      {childLevel ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() =>
            onEdit({ mode: 'create', parentId: node.id, parentName: node.name, level: childLevel })
          }
          data-testid="territory-add-child"
        >
          {t('territory.addChild', { level: t(`level.${childLevel}`) })}
        </Button>
      ) : null}
    </>
  );
  const actions = (
    <Space wrap>
      <Link to={`/territories/${node.id}/fact-sheet`} data-testid="territory-fact-sheet">
        <Button icon={<ProfileOutlined />}>{t('territory.factSheet')}</Button>
      </Link>
      <Link to={`/map?node=${node.id}`} data-testid="territory-map">
        <Button icon={<EnvironmentOutlined />}>{t('menu.map')}</Button>
      </Link>
      {canWrite ? writeActions : null}
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="territory-detail">
      <Card
        title={
          <Space size={8} wrap>
            <LevelTag level={node.level} />
            <span data-testid="territory-detail-name">{node.name}</span>
          </Space>
        }
        extra={mobile ? null : actions}
      >
        {mobile && actions ? <div style={{ marginBottom: 12 }}>{actions}</div> : null}
        <Breadcrumb
          style={{ marginBottom: 16 }}
          data-testid="territory-breadcrumb"
          items={[
            ...node.ancestors.map((a) => ({
              key: a.id,
              title: (
                <a
                  href={`?node=${a.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(a.id);
                  }}
                >
                  {a.name}
                </a>
              ),
            })),
            { key: node.id, title: node.name },
          ]}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          bordered
          items={[
            {
              key: 'code',
              label: t('territory.code'),
              children: <Typography.Text copyable>{node.code}</Typography.Text>,
            },
            { key: 'level', label: t('territory.level'), children: t(`level.${node.level}`) },
            { key: 'sequence', label: t('territory.sequence'), children: node.sequence },
            ...counts.map((c) => ({
              key: c.key,
              label: c.label,
              children: <span data-testid={`territory-count-${c.key}`}>{node.counts[c.key]}</span>,
            })),
            {
              key: 'boundary',
              label: t('territory.boundary'),
              children: node.hasBoundary ? t('territory.boundarySet') : t('territory.boundaryUnset'),
            },
          ]}
        />
      </Card>
      {childLevel ? (
        <Card
          title={t('territory.childrenOf', { name: node.name, count: node.children.length })}
          size="small"
        >
          <Table<TerritoryNode>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={node.children}
            pagination={node.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: t('territory.noChildren') }}
            data-testid="territory-children"
          />
        </Card>
      ) : null}
    </Space>
  );
}
