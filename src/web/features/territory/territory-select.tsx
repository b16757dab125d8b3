import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCan } from '../../app/session.ts';
import { useTerritoryTree, type TerritoryTreeNode } from './api.ts';

type Option = { title: string; value: string; key: string; children?: Option[] };

function toOptions(nodes: TerritoryTreeNode[]): Option[] {
  return nodes.map((n) => ({
    title: n.name,
    value: n.id,
    key: n.id,
    children: n.children.length ? toOptions(n.children) : undefined,
  }));
}

/**
 * Picks one node of the caller's territory tree (any level), searchable by name. Renders nothing for users
 * without territory:read, whose scope is narrower than a territory (a building leader).
 */
export function TerritorySelect({
  value,
  onChange,
  placeholder,
  className,
  testId,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  className?: string;
  testId?: string;
}) {
  const canRead = useCan('territory:read');
  const tree = useTerritoryTree(canRead);
  const options = useMemo(() => toOptions(tree.data ?? []), [tree.data]);
  if (!canRead) return null;
  return (
    <TreeSelect
      allowClear
      value={value}
      onChange={(id: string | undefined) => onChange(id ?? undefined)}
      treeData={options}
      loading={tree.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={options.map((o) => o.key)}
      placeholder={placeholder}
      aria-label={placeholder}
      popupMatchSelectWidth={false}
      className={className}
      data-testid={testId}
    />
  );
}
