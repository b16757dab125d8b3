import { Card, Empty, Input, Skeleton, Tree, Typography, type TreeDataNode } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useT, type Translate } from '../../app/i18n.tsx';
import type { TerritoryTreeNode } from './api.ts';
import { ancestorIds, filterTree, matches, type TreeIndex } from './tree-search.ts';

/** The name with the searched text marked. */
function Highlight({ text, query }: { text: string; query: string }) {
  const q = query.trim().toLowerCase();
  const at = q ? text.toLowerCase().indexOf(q) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="ww-mark">{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

function countsText(node: TerritoryTreeNode, t: Translate): string | null {
  switch (node.level) {
    case 'county':
      return t('territory.nodeCounts.county', node.counts);
    case 'street':
      return t('territory.nodeCounts.street', node.counts);
    case 'community':
      return t('territory.nodeCounts.community', node.counts);
    case 'grid':
      return null;
  }
}

function toTreeData(nodes: TerritoryTreeNode[], query: string, t: Translate): TreeDataNode[] {
  return nodes.map((node) => {
    const counts = countsText(node, t);
    const hit = matches(node, query);
    return {
      key: node.id,
      title: (
        <span className="ww-tree-node" data-testid="territory-node" data-code={node.code}>
          <span className={hit ? 'ww-tree-name ww-tree-hit' : 'ww-tree-name'}>
            <Highlight text={node.name} query={query} />
          </span>
          {counts ? <span className="ww-tree-counts">{counts}</span> : null}
          {hit && node.code.startsWith(query.trim()) ? (
            <span className="ww-tree-code">{node.code}</span>
          ) : null}
        </span>
      ),
      children: node.children.length ? toTreeData(node.children, query, t) : undefined,
      isLeaf: node.children.length === 0,
    };
  });
}

/**
 * The searchable territory tree. Searching keeps only branches with a match (by name or code prefix),
 * opens them and marks the matched text.
 */
export function TerritoryTreePanel({
  roots,
  index,
  loading,
  selectedId,
  onSelect,
}: {
  roots: TerritoryTreeNode[];
  index: TreeIndex;
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  // Roots and, for a single root, its children start open; user choices are kept per search text.
  const [userExpanded, setUserExpanded] = useState<{ query: string; ids: string[] } | null>(null);

  // A node chosen elsewhere (breadcrumb, children table) opens its branch even after manual toggling.
  const [seenSelected, setSeenSelected] = useState(selectedId);
  if (seenSelected !== selectedId) {
    setSeenSelected(selectedId);
    if (selectedId && userExpanded) {
      setUserExpanded({
        ...userExpanded,
        ids: [...new Set([...userExpanded.ids, ...ancestorIds(index, selectedId)])],
      });
    }
  }

  const filtered = useMemo(() => filterTree(roots, deferredQuery), [roots, deferredQuery]);
  const treeData = useMemo(() => toTreeData(filtered.roots, deferredQuery, t), [filtered, deferredQuery, t]);

  const defaultExpanded = useMemo(() => {
    const base = roots.map((r) => r.id);
    const selectedPath = selectedId ? ancestorIds(index, selectedId) : [];
    return [...new Set([...base, ...filtered.expandedIds, ...selectedPath])];
  }, [roots, filtered, index, selectedId]);
  const expandedKeys =
    userExpanded && userExpanded.query === deferredQuery ? userExpanded.ids : defaultExpanded;

  return (
    <Card className="ww-tree-card" size="small" data-testid="territory-tree">
      <Input.Search
        allowClear
        placeholder={t('territory.searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setUserExpanded(null);
        }}
        data-testid="territory-search"
        aria-label={t('territory.searchPlaceholder')}
      />
      {deferredQuery.trim() ? (
        <Typography.Text type="secondary" className="ww-tree-summary" data-testid="territory-matches">
          {filtered.matchIds.length
            ? t('territory.matches', { count: filtered.matchIds.length })
            : t('territory.noMatch')}
        </Typography.Text>
      ) : null}
      <div className="ww-tree-scroll">
        {loading ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : treeData.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={deferredQuery.trim() ? t('territory.noMatch') : t('territory.empty')}
          />
        ) : (
          <Tree
            blockNode
            showLine={{ showLeafIcon: false }}
            treeData={treeData}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setUserExpanded({ query: deferredQuery, ids: keys.map(String) })}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => {
              const [key] = keys;
              if (key !== undefined) onSelect(String(key));
            }}
          />
        )}
      </div>
    </Card>
  );
}
