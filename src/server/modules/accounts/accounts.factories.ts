import { roleAssignments, users } from '../../core/auth/auth.tables.ts';
import { hashPassword } from '../../core/auth/passwords.ts';
import { blindIndex, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import type { AssignmentInput } from './accounts.schemas.ts';

/*
 * Test factories of accounts: `buildAccount` makes an account's rows without touching the database (the demo
 * generator builds every demo account with it); `insertAccount` writes one for a test, as it is, without permission
 * checks or audit.
 */

export type UserRow = RowOf<
  typeof users,
  | 'id'
  | 'username'
  | 'displayName'
  | 'mobileEnc'
  | 'mobileIndex'
  | 'passwordHash'
  | 'status'
  | 'mustChangePassword'
>;
export type RoleAssignmentRow = RowOf<
  typeof roleAssignments,
  'id' | 'userId' | 'role' | 'scopeKind' | 'scopeIds' | 'createdAt'
>;
/** An account: its user row and its role assignments, in order. */
export type BuiltAccount = { user: UserRow; roles: RoleAssignmentRow[] };

export type AccountSpec = {
  id?: string;
  username?: string;
  displayName?: string;
  /** The mobile number in clear: encrypted and blind-indexed with the keys. */
  mobile?: string | null;
  /** A hash from `hashPassword` (scrypt: hash once and share it between accounts). */
  passwordHash: string;
  status?: 'active' | 'disabled';
  mustChangePassword?: boolean;
  roles?: AssignmentInput[];
};

let defaultNames = 0;

/**
 * An account (no database): an active one with a made-up username, no mobile and no roles unless given. Roles keep
 * their order (`createdAt` a millisecond apart) and lose repeated scope ids, as the accounts service stores them.
 */
export function buildAccount(keys: DataKeys, spec: AccountSpec): BuiltAccount {
  const id = spec.id ?? newId();
  const username = spec.username ?? `factory-user-${++defaultNames}`;
  const now = Date.now();
  return {
    user: {
      id,
      username,
      displayName: spec.displayName ?? username,
      mobileEnc: spec.mobile ? encrypt(keys, spec.mobile) : null,
      mobileIndex: spec.mobile ? blindIndex(keys, 'mobile', spec.mobile) : null,
      passwordHash: spec.passwordHash,
      status: spec.status ?? 'active',
      mustChangePassword: spec.mustChangePassword ?? false,
    },
    roles: (spec.roles ?? []).map((a, i) => ({
      id: newId(),
      userId: id,
      role: a.role,
      scopeKind: a.scopeKind,
      scopeIds: [...new Set(a.scopeIds)],
      createdAt: new Date(now + i),
    })),
  };
}

/** Writes a built account: its user row, then its role assignments. */
export async function insertAccountRows(tx: Executor, account: BuiltAccount): Promise<void> {
  await tx.insert(users).values(account.user);
  if (account.roles.length) await tx.insert(roleAssignments).values(account.roles);
}

/**
 * Inserts an account (test set-up) that signs in with `password` (hashed here) unless a `passwordHash` is given.
 * Returns its rows and the password.
 */
export async function insertAccount(
  tx: Executor,
  keys: DataKeys,
  spec: Omit<AccountSpec, 'passwordHash'> & { passwordHash?: string; password?: string },
): Promise<BuiltAccount & { password: string | null }> {
  const password = spec.passwordHash ? null : (spec.password ?? 'Factory-pass-1');
  const account = buildAccount(keys, {
    ...spec,
    passwordHash: spec.passwordHash ?? (await hashPassword(password!)),
  });
  await tx.transaction((t) => insertAccountRows(t, account));
  return { ...account, password };
}
