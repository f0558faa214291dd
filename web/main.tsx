import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { retryTransient } from './lib/api.ts';
import { retryWrite } from './lib/idempotency.ts';
import { i18nReady } from './lib/i18n.ts';
import { installSessionHandlers } from './features/auth/sessionEvents.ts';
import { EntryRoutes, prefetchOnSession } from './entry-routes.tsx';
import { registerServiceWorker } from './service-worker.register.ts';
import './ui/global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: retryTransient },
    // Writes carry their submission's Idempotency-Key, so retrying one after network trouble does it at most once.
    mutations: { retry: retryWrite },
  },
});
installSessionHandlers(queryClient);
prefetchOnSession(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// Rendered once the remembered language's texts are there (English is fetched when chosen). Only the sign-in page
// is in this script; antd and the rest of the app come with routes.tsx (entry-routes.tsx).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <EntryRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
registerServiceWorker();
