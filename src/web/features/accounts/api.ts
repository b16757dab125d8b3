import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryKeys } from '../../api/cache.ts';
import { useApiMutation } from '../../api/cache.ts';
import { api, type ApiBody, type Schemas } from '../../api/client.ts';
import type { RoleInfo } from '../../app/session.ts';

export type Account = Schemas['Account'];
export type RoleCode = Schemas['RoleAssignment']['role'];
export type ScopeKind = Schemas['RoleAssignment']['scopeKind'];
/** A role to grant and where it reaches; the form always says which places (none for `all` and `self`). */
export type AssignmentInput = Required<Schemas['RoleAssignmentInput']>;
export type { RoleInfo };
export type AccountStatus = Account['status'];

/** Mainland mobile numbers, as the API checks them. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export type AccountFilter = {
  q?: string;
  status?: AccountStatus;
  role?: RoleCode;
  page: number;
  pageSize: number;
};

const keys = {
  list: (filter: AccountFilter) => ['accounts', 'list', filter] as const,
} satisfies QueryKeys;

export function useAccounts(filter: AccountFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: () => api.get('/accounts', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export type CreateAccountInput = ApiBody<'post', '/accounts'> & { roles: AssignmentInput[] };

export function useCreateAccount() {
  return useApiMutation(
    'POST /accounts',
    async (input: CreateAccountInput, send) => (await send({ body: input })).data,
  );
}

export type UpdateAccountInput = ApiBody<'patch', '/accounts/{id}'>;

export function useUpdateAccount() {
  return useApiMutation(
    'PATCH /accounts/{id}',
    async ({ id, ...body }: UpdateAccountInput & { id: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useResetPassword() {
  return useApiMutation(
    'POST /accounts/{id}/password-reset',
    ({ id, newPassword }: { id: string; newPassword: string }, send) =>
      send({ path: { id }, body: { newPassword } }),
  );
}

export function useSetRoles() {
  return useApiMutation(
    'PUT /accounts/{id}/roles',
    async ({ id, roles }: { id: string; roles: AssignmentInput[] }, send) =>
      (await send({ path: { id }, body: { roles } })).data,
  );
}

/** The clear mobile number; the server audits every call. */
export function useRevealMobile() {
  return useApiMutation(
    'POST /accounts/{id}/reveal',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}
