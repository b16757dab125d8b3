import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AssignmentInput } from '../../../server/modules/accounts/accounts.schemas.ts';
import type { RoleCode, ScopeKind } from '../../../server/core/auth/roles.ts';
import { api, toQuery, type Paged } from '../../app/api-client.ts';
import type { RoleInfo } from '../../app/session.ts';

export type { Account, AssignmentInput, RoleCode, RoleInfo, ScopeKind };
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
  all: ['accounts'] as const,
  list: (filter: AccountFilter) => ['accounts', 'list', filter] as const,
};

export function useAccounts(filter: AccountFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: () => api<Paged<Account>>('GET', `/accounts${toQuery(filter)}`),
    placeholderData: keepPreviousData,
  });
}

/** Every account write refreshes the lists; the audit log shows the write too. */
function useAccountMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
}

export type CreateAccountInput = {
  username: string;
  displayName: string;
  mobile?: string;
  password: string;
  roles: AssignmentInput[];
};

export function useCreateAccount() {
  return useAccountMutation(
    async (input: CreateAccountInput) => (await api<{ data: Account }>('POST', '/accounts', input)).data,
  );
}

export type UpdateAccountInput = { displayName?: string; mobile?: string | null; status?: AccountStatus };

export function useUpdateAccount() {
  return useAccountMutation(
    async ({ id, ...input }: UpdateAccountInput & { id: string }) =>
      (await api<{ data: Account }>('PATCH', `/accounts/${id}`, input)).data,
  );
}

export function useResetPassword() {
  return useAccountMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    api<void>('POST', `/accounts/${id}/password-reset`, { newPassword }),
  );
}

export function useSetRoles() {
  return useAccountMutation(
    async ({ id, roles }: { id: string; roles: AssignmentInput[] }) =>
      (await api<{ data: Account }>('PUT', `/accounts/${id}/roles`, { roles })).data,
  );
}

/** The clear mobile number; the server audits every call. */
export function useRevealMobile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await api<{ data: { mobile: string | null } }>('POST', `/accounts/${id}/reveal`)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}
