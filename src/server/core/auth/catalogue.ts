import type { Text } from '../http/errors.ts';
import { roleCodes, roles, type Permission, type RoleCode } from './roles.ts';

/**
 * The permissions of the running platform and what each role holds, assembled once from the modules' declarations
 * (core/kit.ts installs it when `src/server/modules.ts` is loaded). Until then no role holds anything, so a caller
 * that forgets to load the modules is refused everything rather than allowed.
 */
type Catalogue = { permissions: Map<Permission, Text>; grants: Map<RoleCode, ReadonlySet<Permission>> };

let installed: Catalogue = { permissions: new Map(), grants: new Map() };

export function installCatalogue(
  permissions: Map<Permission, Text>,
  grants: Map<RoleCode, Set<Permission>>,
): void {
  const all = new Set(permissions.keys());
  installed = {
    permissions: new Map(permissions),
    grants: new Map(
      roleCodes.map((code) => [code, roles[code].allPermissions ? all : (grants.get(code) ?? new Set())]),
    ),
  };
}

/** Every permission of the platform, in declaration order, with its name in both languages. */
export function allPermissions(): [Permission, Text][] {
  return [...installed.permissions];
}

export function isPermission(value: string): value is Permission {
  return installed.permissions.has(value as Permission);
}

/** The permissions a role holds (sorted). */
export function permissionsOfRole(role: RoleCode): Permission[] {
  return [...(installed.grants.get(role) ?? [])].sort();
}

export function roleHolds(role: RoleCode, permission: Permission): boolean {
  return installed.grants.get(role)?.has(permission) ?? false;
}
