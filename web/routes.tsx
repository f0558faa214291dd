import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginRoute } from './entry-routes.tsx';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, SETUP_PATH } from './features/auth/auth.paths.ts';
import { RequireSession } from './features/auth/RequireSession.tsx';
import type { Me } from './features/auth/auth.api.ts';
import { useMe } from './features/auth/session.ts';
import { OVERVIEW_PATH, prefetchOverview } from './features/overview/overview.api.ts';
import { landingPath } from './landing.ts';
import { SignedInLayout } from './layout.tsx';
import './lib/format.ts';
import { MENU_ENTRIES, type MenuEntry } from './menu.tsx';
import { AppProviders } from './ui/AppProviders.tsx';
import { FullPageSpin } from './ui/FullPageSpin.tsx';

// The signed-in app, with antd and its theme: fetched by the first script (entry-routes.tsx) once a session exists or
// for the first-run setup, and preloaded while the sign-in form waits. Its pages are fetched when first opened.
const SetupPage = lazy(() => import('./features/auth/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const ChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPages.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const ForcedChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPages.tsx').then((m) => ({ default: m.ForcedChangePasswordPage })),
);

/** Fetches the first page (the overview, open to everyone) ahead of signing in. */
export function preloadFirstPage(): Promise<unknown> {
  return MENU_ENTRIES[0]?.preload() ?? Promise.resolve();
}

/** Once the account is known, fetches ahead the page `target` opens ("/": the account's landing page): its code, and
 * for the overview its figures, so that they are on their way while the shell renders. */
export function prefetchLanding(queryClient: QueryClient, me: Me, target: string): void {
  if (me.mustChangePassword) return;
  const url = new URL(target === '/' ? (landingPath(me) ?? '/') : target, window.location.origin);
  const entry = MENU_ENTRIES.find(
    (e) => e.visible(me) && (url.pathname === e.path || url.pathname.startsWith(e.path + '/')),
  );
  if (!entry) return;
  void entry.preload().catch(() => undefined);
  if (url.pathname === OVERVIEW_PATH && !url.searchParams.has('programme'))
    void prefetchOverview(queryClient).catch(() => undefined);
}

/** A redirect inside the shell. The router moves in a transition, in which React keeps showing this (rather than
 * the next page's spinner) until the next page's code is there: so this shows the spinner itself. */
function Redirect({ to }: { to: string }) {
  return (
    <>
      <FullPageSpin />
      <Navigate to={to} replace />
    </>
  );
}

/** "/" opens where this account's work is (landing.ts). */
function HomeRedirect() {
  const me = useMe();
  return <Redirect to={landingPath(me) ?? CHANGE_PASSWORD_PATH} />;
}

/** A module's page, or home when this account may not see it (the server refuses its data anyway). */
function Guarded({ entry }: { entry: MenuEntry }) {
  const me = useMe();
  return entry.visible(me) ? entry.element : <Redirect to="/" />;
}

/** The password page: alone while a change is required, inside the app otherwise. */
function ChangePasswordRoute() {
  const me = useMe();
  if (me.mustChangePassword) return <ForcedChangePasswordPage />;
  return (
    <SignedInLayout>
      <ChangePasswordPage />
    </SignedInLayout>
  );
}

/** Every address, inside antd's providers; the sign-in page too, once this app has been fetched (it then stays, so
 * that a message shown on leaving the setup page or the app is not cut short). */
export function AppRoutes() {
  return (
    <AppProviders>
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path={LOGIN_PATH} element={<LoginRoute />} />
          <Route path={SETUP_PATH} element={<SetupPage />} />
          <Route element={<RequireSession />}>
            <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordRoute />} />
            <Route element={<SignedInLayout />}>
              <Route index element={<HomeRedirect />} />
              {MENU_ENTRIES.flatMap((entry) =>
                [entry.path, ...(entry.subPaths ?? []).map((sub) => `${entry.path}/${sub}`)].map((path) => (
                  <Route key={`${entry.key}:${path}`} path={path} element={<Guarded entry={entry} />} />
                )),
              )}
              <Route path="*" element={<Redirect to="/" />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </AppProviders>
  );
}
