import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { deskMessages } from './app/assemble.ts';
import { currentLang, loadMessages, setMessageSource } from './app/i18n.tsx';
import { Providers } from './app/providers.tsx';
import { router } from './app/router.tsx';
import './app/global.css';

// The desk app: every feature's pages (router.tsx) and texts. The phone workbench (/m/) is its own entry, phone.tsx.
setMessageSource(deskMessages);
// Not a top-level await: the bundler would then split the modules it waits on into many small chunks (28 files
// instead of 10 for the sign-in page).
void loadMessages(currentLang()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
