import type { BiText, Translate } from '../app/i18n.tsx';
import type { Schemas } from '../api/client.ts';

type ScopeKind = Schemas['RoleAssignment']['scopeKind'];

type Assignment = {
  scopeKind: ScopeKind;
  scopeIds: string[];
  roleName: BiText;
  territories: { name: string }[];
};

/** Where an assignment reaches: "和平社区", "和平第1网格 等 3 个", "全县", "本人". */
export function scopeText(
  assignment: Pick<Assignment, 'scopeKind' | 'scopeIds' | 'territories'>,
  t: Translate,
): string {
  switch (assignment.scopeKind) {
    case 'all':
      return t('scope.all');
    case 'self':
      return t('scope.self');
    case 'buildings':
      // The API names territories but not buildings; the count is what can be said.
      return assignment.scopeIds.length
        ? t('scope.buildingsCount', { count: assignment.scopeIds.length })
        : t('scope.buildings');
    case 'street':
    case 'community':
    case 'grids': {
      const [first, ...rest] = assignment.territories;
      if (!first) return t(`scopeKind.${assignment.scopeKind}`);
      if (rest.length === 0) return first.name;
      if (rest.length === 1) return t('scope.two', { a: first.name, b: rest[0]!.name });
      return t('scope.more', { first: first.name, count: assignment.territories.length });
    }
  }
}

/** "和平社区 · 网格员": the header's scope label for one role assignment. */
export function roleScopeLabel(assignment: Assignment, t: Translate, pick: (text: BiText) => string): string {
  return `${scopeText(assignment, t)} · ${pick(assignment.roleName)}`;
}
