import { useQuery, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { fetchSetupStatus, type Session } from './features/auth/auth.api.ts';
import { LOGIN_PATH, safeNext, SETUP_PATH } from './features/auth/auth.paths.ts';
import { LoginPage, SETUP_STATUS_KEY } from './features/auth/LoginPage.tsx';
import { SESSION_KEY, signInPathFor, useSession } from './features/auth/session.ts';
import { FullPageSpin } from './ui/FullPageSpin.tsx';
import { isPublicPetitionPath } from './features/petitions-public/publicPetitions.api.ts';

// The first script holds the sign-in page and nothing of antd: on a commune's mobile connection the form shows
// before the rest has arrived. The rest (routes.tsx: antd, its theme, the shell and the routes of every page) is
// fetched once a session exists, for the first-run setup, or ahead while the sign-in form waits for the person.
let fetchedApp: ComponentType | undefined;
const loadApp = () =>
  import('./routes.tsx').then((m) => {
    fetchedApp = m.AppRoutes;
    return m;
  });
const LazyApp = lazy(() => loadApp().then((m) => ({ default: m.AppRoutes })));

/** The app: at once when already fetched (preloaded), rather than through a fallback React keeps up 300 ms. */
function App() {
  const [Fetched] = useState(() => fetchedApp);
  if (Fetched) return <Fetched />;
  return (
    <Suspense fallback={<FullPageSpin />}>
      <LazyApp />
    </Suspense>
  );
}

/** Once the sign-in form is there, while the person types, fetches the app and its first page (the overview), so
 * that signing in does not wait for them; not on a connection asking to save data. Not before the form shows: it
 * would slow the form's own requests. */
function preloadSignedIn(): () => void {
  const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return () => undefined;
  const timer = window.setTimeout(() => {
    void loadApp()
      .then((m) => m.preloadFirstPage())
      .catch(() => undefined);
  }, 0);
  return () => window.clearTimeout(timer);
}

/**
 * When a session is found or signed into, fetches ahead what the page the person is going to needs (routes.tsx
 * `prefetchLanding`): that page's code and, for the overview, its figures. Listens to the query cache, which tells
 * before React renders the app, so the requests are sent before that work rather than after it.
 */
export function prefetchOnSession(queryClient: QueryClient): void {
  let prefetchedFor: string | null = null;
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const account = queryClient.getQueryData<Session | null>(SESSION_KEY)?.account;
    if (!account) prefetchedFor = null;
    if (!account || account.id === prefetchedFor) return;
    prefetchedFor = account.id;
    // Signing in goes on to the page the sign-in page was asked to return to, else home.
    const { pathname, search } = window.location;
    const target = pathname === LOGIN_PATH ? safeNext(new URLSearchParams(search).get('next')) : pathname + search;
    void loadApp()
      .then((m) => m.prefetchLanding(queryClient, account, target))
      .catch(() => undefined);
  });
}

// The citizens' pages (sending and tracking a petition, no sign-in): a small chunk of their own, without antd, the
// shell or the app's routes, whether or not a session exists.
const PublicPetitionPages = lazy(() => import('./features/petitions-public/PublicPetitionPages.tsx'));

export function LoginRoute() {
  return <LoginPage onShown={preloadSignedIn} />;
}

/**
 * The sign-in page on its own, until the app is needed: an address other than sign-in with a session (or an answer
 * about it the app must show: an error), or the setup page. Without a session such an address goes to the sign-in
 * page here, without fetching the app. Once shown, the app stays (it has the sign-in page too).
 */
export function EntryRoutes() {
  const location = useLocation();
  const session = useSession();
  const [appShown, setAppShown] = useState(false);
  const atLogin = location.pathname === LOGIN_PATH;
  const atSetup = location.pathname === SETUP_PATH;
  const atPublic = isPublicPetitionPath(location.pathname);
  const needsApp = atSetup || (!atLogin && !atPublic && !session.isPending && session.data !== null);
  if (needsApp && !appShown) setAppShown(true);
  // Asked alongside the session rather than after it: the sign-in page needs both before it shows its form.
  useQuery({
    queryKey: SETUP_STATUS_KEY,
    queryFn: fetchSetupStatus,
    staleTime: 0,
    enabled: !appShown && !atSetup && !session.data,
  });

  if (atPublic)
    return (
      <Suspense fallback={<FullPageSpin />}>
        <PublicPetitionPages />
      </Suspense>
    );
  if (appShown || needsApp) return <App />;
  if (atLogin) return <LoginRoute />;
  if (session.isPending) return <FullPageSpin />;
  return <Navigate to={signInPathFor(location.pathname + location.search)} replace />;
}
