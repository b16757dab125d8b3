import { Alert, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useTerritoryTree } from './api.ts';
import { TerritoryDetailPanel } from './territory-detail-panel.tsx';
import { TerritoryFormModal, type TerritoryFormTarget } from './territory-form-modal.tsx';
import { TerritoryTreePanel } from './territory-tree-panel.tsx';
import { indexTree } from './tree-search.ts';

/** Territory browser: the tree on the left, the selected node (kept in the URL as ?node=) on the right. */
export function TerritoryPage() {
  const t = useT();
  const tree = useTerritoryTree();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<TerritoryFormTarget | null>(null);
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const selectedId = params.get('node') ?? roots[0]?.id ?? null;

  const select = (id: string) => {
    setParams({ node: id });
    // On a phone the detail sits below the tree; bring it into view.
    if (window.matchMedia('(max-width: 991px)').matches) {
      document.getElementById('territory-detail')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  };

  return (
    <>
      <PageHeader title={t('territory.title')} subtitle={t('territory.subtitle')} />
      {tree.isError ? (
        <Alert type="error" showIcon title={tree.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8} xxl={7}>
          <TerritoryTreePanel
            roots={roots}
            index={index}
            loading={tree.isPending}
            selectedId={selectedId}
            onSelect={select}
          />
        </Col>
        <Col xs={24} lg={15} xl={16} xxl={17} id="territory-detail">
          <TerritoryDetailPanel id={selectedId} onSelect={select} onEdit={setEditing} />
        </Col>
      </Row>
      {editing ? (
        <TerritoryFormModal
          target={editing}
          onClose={() => setEditing(null)}
          onCreated={(id) => setParams({ node: id })}
        />
      ) : null}
    </>
  );
}
