import '@digdir/designsystemet-css';
import './theme/kommune.css';
import './i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from './api/client';
import { fetchSession, sessionKey } from './common/auth/session';
import { queryClient } from './queryClient';
import { router } from './router';

// The session expired: read it again, and the route guard sends the person to /logg-inn (and back after).
setUnauthenticatedHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKey }));

// Ask for the session at once, while the first screen's chunk loads, rather than after it (a waterfall).
void queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
