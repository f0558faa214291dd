import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { retryTransient } from './lib/api.ts';
import { retryWrite } from './lib/idempotency.ts';
import { i18nReady } from './lib/i18n.ts';
import './lib/format.ts';
import { installSessionHandlers } from './features/auth/sessionEvents.ts';
import { AppRoutes } from './routes.tsx';
import { registerServiceWorker } from './service-worker.register.ts';
import { AppProviders } from './ui/AppProviders.tsx';
import './ui/global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: retryTransient },
    // Writes carry their submission's Idempotency-Key, so retrying one after network trouble does it at most once.
    mutations: { retry: retryWrite },
  },
});
installSessionHandlers(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// Rendered once the remembered language's texts are there (English is fetched when chosen).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  ),
);
registerServiceWorker();
