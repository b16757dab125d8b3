import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLang, loadMessages, setMessageSource } from './app/i18n.tsx';
import { Providers, queryClient } from './app/providers.tsx';
import { openRoundsQuery } from './features/workbench/api.ts';
import { PhoneApp } from './features/workbench/phone-app.tsx';
import { phoneMessages } from './features/workbench/phone-messages.ts';
import './app/global.css';

// The phone workbench (/m/, m/index.html): the workbench page in a small frame of its own, with the shared texts
// and the workbench's only. No router: its links to desk pages load the desk app (main.tsx).
setMessageSource(phoneMessages);
// The open rounds are asked for now, alongside the session (/me), not after it: one round trip less on a phone.
void queryClient.prefetchQuery(openRoundsQuery);

// Not a top-level await: the bundler would then keep the modules it waits on in chunks of their own.
void loadMessages(currentLang()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <PhoneApp />
      </Providers>
    </StrictMode>,
  ),
);
