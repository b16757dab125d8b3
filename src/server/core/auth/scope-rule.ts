/**
 * The scope and its rule for one record, with no imports: what scope.ts builds its SQL condition from, and what a
 * worker thread (the export's) can load without the database layer.
 */

/**
 * Where a permission reaches. `all` covers the county; otherwise a territory node is inside the scope when its
 * code starts with one of `codes` (a subtree), a building when it is listed, and the caller's own records when
 * `self`: those of the person their account is linked to, found through `userId` (the people module's
 * `personCondition` turns it into SQL; the kernel knows no person).
 */
export type Scope = {
  all: boolean;
  codes: string[];
  buildingIds: string[];
  self: boolean;
  /** The caller's account id, set when `self` holds. */
  userId?: string;
  /** The territory code of each of `buildingIds` where known (scopeFor sets it): which subtree a building lies in. */
  buildingCodes?: Record<string, string>;
};

/** Whether a territory code lies inside the scope. */
export function codeInScope(scope: Scope, code: string): boolean {
  return scope.all || scope.codes.some((prefix) => code.startsWith(prefix));
}

/** Whether one registry row (its grid code and building) lies inside the scope. */
export function registryRowInScope(
  scope: Scope,
  territoryCode: string | null,
  buildingId: string | null,
): boolean {
  return (
    (territoryCode !== null && codeInScope(scope, territoryCode)) ||
    (buildingId !== null && scope.buildingIds.includes(buildingId))
  );
}
