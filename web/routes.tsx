import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, SETUP_PATH } from './features/auth/auth.paths.ts';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { useMe } from './features/auth/session.ts';
import { MENU_ENTRIES, visibleEntries, type MenuEntry } from './menu.tsx';
import { FullPageSpin } from './ui/FullPageSpin.tsx';

// Only the sign-in page is in the first script: the rest is fetched when first opened (the shell right after
// signing in, and preloaded while the sign-in form waits for the person: see preloadSignedIn).
const loadLayout = () => import('./layout.tsx');
const SignedInLayout = lazy(() => loadLayout().then((m) => ({ default: m.SignedInLayout })));
const RequireSession = lazy(() =>
  import('./features/auth/RequireSession.tsx').then((m) => ({ default: m.RequireSession })),
);
const SetupPage = lazy(() => import('./features/auth/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const ChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPages.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const ForcedChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPages.tsx').then((m) => ({ default: m.ForcedChangePasswordPage })),
);

/** While the person types their password, fetches the shell and the first page (the overview, open to everyone), so
 * signing in does not wait for them; not on a connection asking to save data. */
function preloadSignedIn(): () => void {
  const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return () => undefined;
  const timer = window.setTimeout(() => {
    void loadLayout().catch(() => undefined);
    void MENU_ENTRIES[0]?.preload().catch(() => undefined);
  }, 500);
  return () => window.clearTimeout(timer);
}

function LoginRoute() {
  useEffect(preloadSignedIn, []);
  return <LoginPage />;
}

/** "/" opens the first module this account may see. */
function HomeRedirect() {
  const me = useMe();
  const first = visibleEntries(me)[0];
  return <Navigate to={first?.path ?? CHANGE_PASSWORD_PATH} replace />;
}

/** A module's page, or home when this account may not see it (the server refuses its data anyway). */
function Guarded({ entry }: { entry: MenuEntry }) {
  const me = useMe();
  return entry.visible(me) ? entry.element : <Navigate to="/" replace />;
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

export function AppRoutes() {
  return (
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
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
