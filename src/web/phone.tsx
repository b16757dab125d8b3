import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLang, loadMessages, setMessageSource } from './app/i18n.tsx';
import { onOfflineForgotten } from './app/offline.ts';
import { Providers, queryClient } from './app/providers.tsx';
import { meKey, sessionUserHint } from './app/session.ts';
import {
  openRoundsQuery,
  readFirstScreen,
  roundBuildingsQuery,
  workbenchListsKey,
} from './features/workbench/api.ts';
import { PhoneApp } from './features/workbench/phone-app.tsx';
import { phoneMessages } from './features/workbench/phone-messages.ts';
import './app/global.css';

// The phone workbench (/m/, m/index.html): the workbench page in a small frame of its own, with the shared texts
// and the workbench's only. No router: its links to desk pages load the desk app (main.tsx).
setMessageSource(phoneMessages);

// What the first screen needs is asked for now, alongside the session (/me) rather than after it: the open rounds,
// then the first round's buildings as soon as the rounds are known.
void queryClient.fetchQuery(openRoundsQuery).then(
  (rounds) => {
    const first = rounds.data[0];
    if (first) void queryClient.prefetchQuery(roundBuildingsQuery(first.id));
  },
  () => undefined,
);

// Forgotten on the device (sign-out, another user's sign-in): what this page holds from it goes too.
onOfflineForgotten(() => void queryClient.resetQueries({ queryKey: workbenchListsKey }));

/**
 * The first screen as the device kept it (the user, the open rounds, their buildings), put in the cache as old
 * answers (updatedAt 0: refetched at once) so that the app draws them in its first render. Only when the session
 * cookie names the user they were kept for (sessionUserHint): signed out, or signed in as someone else, nothing of
 * the previous user is drawn. At most 300 ms: a blocked IndexedDB must not hold the page up.
 */
async function drawFromDevice(): Promise<void> {
  const userId = sessionUserHint();
  if (!userId) return;
  const kept = await Promise.race([
    readFirstScreen(userId).catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, 300)),
  ]);
  if (!kept || sessionUserHint() !== kept.me.id) return;
  const old = { updatedAt: 0 };
  if (queryClient.getQueryData(meKey) === undefined) queryClient.setQueryData(meKey, kept.me, old);
  for (const list of [kept.rounds, kept.buildings]) {
    if (list && queryClient.getQueryData(list.key) === undefined) {
      queryClient.setQueryData(list.key, list.value, old);
    }
  }
}

// Not a top-level await: the bundler would then keep the modules it waits on in chunks of their own.
void Promise.all([loadMessages(currentLang()), drawFromDevice()]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <PhoneApp />
      </Providers>
    </StrictMode>,
  ),
);
