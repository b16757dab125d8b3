import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation } from '../../api/cache.ts';
import type { ApiBody } from '../../api/client.ts';
import { meKey, primePreferences } from '../../app/session.ts';

export type LoginInput = ApiBody<'post', '/auth/login'>;
export type ChangePasswordInput = ApiBody<'post', '/me/password'>;

/**
 * Signs in; the previous user's cached data is dropped before the new user is stored, with their preferences
 * (the sign-in completes once they are here, so the first page is drawn with them).
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useApiMutation(
    'POST /auth/login',
    async (input: LoginInput, send) => (await send({ body: input })).data,
    {
      onSuccess: async (me) => {
        // Another user on this device: what the workbench kept for the previous one goes (their unsent visits too).
        // The device store is loaded here, not with the sign-in page (it is the workbench's).
        await (await import('../../app/offline.ts')).offlineBindUser(me.id);
        queryClient.clear();
        queryClient.setQueryData(meKey, me);
        await primePreferences(queryClient, me);
      },
    },
  );
}

/** Signs out; whatever the server answers, the local session is gone afterwards. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useApiMutation('POST /auth/logout', (_: void, send) => send(), {
    onSettled: async () => {
      await (await import('../../app/offline.ts')).forgetOffline();
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  return useApiMutation('POST /me/password', (input: ChangePasswordInput, send) => send({ body: input }));
}
