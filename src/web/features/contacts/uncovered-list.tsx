import { Button, Segmented, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { ContactAssignDialog } from '../../components/contact-assign.tsx';
import { useUncovered, type ContactCoverage, type UncoveredKind } from './api.ts';

/**
 * The households of a community without a contact (of a kind, or neither), in stairwell order, by grid; with
 * contact:manage each can be assigned a leader or a central household by hand (the shared dialog).
 */
export function UncoveredList({
  communityId,
  grids,
  canManage,
}: {
  communityId: string;
  grids: ContactCoverage['grids'];
  canManage: boolean;
}) {
  const t = useT();
  const [kind, setKind] = useState<UncoveredKind>('any');
  const [gridId, setGridId] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useUncovered({ communityId, kind, gridId, page, pageSize: 20 });
  const [assigning, setAssigning] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<UncoveredKind>
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={(['any', 'leader', 'central_household'] as const).map((k) => ({
            value: k,
            label: t(`contacts.kind.${k}`),
          }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          value={gridId}
          onChange={(v) => {
            setGridId(v);
            setPage(1);
          }}
          placeholder={t('contacts.allGrids')}
          aria-label={t('contacts.col.grid')}
          options={grids.map((g) => ({ value: g.id, label: g.name }))}
        />
      </Space>
      <Table
        rowKey="householdId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 560 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.page.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('contacts.col.grid'), dataIndex: 'gridName' },
          {
            title: t('contacts.col.household'),
            key: 'place',
            render: (_, r) =>
              `${r.buildingName} ${t('contacts.unitRoom', { unit: r.unitNumber, room: r.room })}`,
          },
          { title: t('contacts.col.leader'), dataIndex: 'leader', render: (v: string | null) => v ?? '—' },
          { title: t('contacts.col.central'), dataIndex: 'central', render: (v: string | null) => v ?? '—' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'assign',
                  render: (_: unknown, r: { householdId: string }) => (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setAssigning(r.householdId)}
                      data-testid="contacts-assign"
                    >
                      {t('contactAssign.assign')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        data-testid="contacts-uncovered"
      />
      {assigning ? (
        <ContactAssignDialog
          householdId={assigning}
          kind={kind === 'central_household' ? 'central_household' : 'leader'}
          onClose={() => setAssigning(null)}
        />
      ) : null}
    </Space>
  );
}
