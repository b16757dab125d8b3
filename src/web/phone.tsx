import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLang, loadMessages, setMessageSource } from './app/i18n.tsx';
import { Providers } from './app/providers.tsx';
import { PhoneApp } from './features/workbench/phone-app.tsx';
import { phoneMessages } from './features/workbench/phone-messages.ts';
import './app/global.css';

// The phone workbench (/m/, m/index.html): the workbench page in a small frame of its own, with the shared texts
// and the workbench's only. No router: its links to desk pages load the desk app (main.tsx).
setMessageSource(phoneMessages);
await loadMessages(currentLang());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <PhoneApp />
    </Providers>
  </StrictMode>,
);
