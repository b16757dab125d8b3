import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client.ts';
import { meKey, type Me } from '../../app/session.ts';

export type LoginInput = { username: string; password: string };
export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** Signs in; the previous user's cached data is dropped before the new user is stored. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) => (await api<{ data: Me }>('POST', '/auth/login', input)).data,
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Signs out; whatever the server answers, the local session is gone afterwards. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api<void>('POST', '/me/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
