import type { TerritoryTreeNode } from './api.ts';

export type TreeIndex = Map<string, { node: TerritoryTreeNode; parentId: string | null }>;

/** Every node of the tree by id, with its parent inside the tree (roots have none). */
export function indexTree(roots: TerritoryTreeNode[]): TreeIndex {
  const index: TreeIndex = new Map();
  const walk = (node: TerritoryTreeNode, parentId: string | null) => {
    index.set(node.id, { node, parentId });
    for (const child of node.children) walk(child, node.id);
  };
  for (const root of roots) walk(root, null);
  return index;
}

/** Ids of the node's ancestors within the tree, root first. */
export function ancestorIds(index: TreeIndex, id: string): string[] {
  const out: string[] = [];
  let parent = index.get(id)?.parentId ?? null;
  while (parent) {
    out.unshift(parent);
    parent = index.get(parent)?.parentId ?? null;
  }
  return out;
}

/** Whether a node matches a search: its name contains the text, or its code starts with it. */
export function matches(node: TerritoryTreeNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q !== '' && (node.name.toLowerCase().includes(q) || node.code.startsWith(q));
}

export type FilteredTree = { roots: TerritoryTreeNode[]; expandedIds: string[]; matchIds: string[] };

/**
 * Keeps the branches that hold a match: a matching node keeps its whole subtree, a non-matching one only
 * the children leading to matches. The ancestors of every match are returned for expanding.
 */
export function filterTree(roots: TerritoryTreeNode[], query: string): FilteredTree {
  if (query.trim() === '') return { roots, expandedIds: [], matchIds: [] };
  const expanded = new Set<string>();
  const matchIds: string[] = [];
  const visit = (node: TerritoryTreeNode, path: string[]): TerritoryTreeNode | null => {
    if (matches(node, query)) {
      matchIds.push(node.id);
      for (const id of path) expanded.add(id);
      // Matches below a match still count and open their branch.
      for (const child of node.children) visit(child, [...path, node.id]);
      return node;
    }
    const kept = node.children
      .map((child) => visit(child, [...path, node.id]))
      .filter((child): child is TerritoryTreeNode => child !== null);
    return kept.length ? { ...node, children: kept } : null;
  };
  const kept = roots.map((root) => visit(root, [])).filter((n): n is TerritoryTreeNode => n !== null);
  return { roots: kept, expandedIds: [...expanded], matchIds };
}
