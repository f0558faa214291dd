import { Navigate, Route, Routes } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, SETUP_PATH } from './features/auth/auth.paths.ts';
import { ChangePasswordPage, ForcedChangePasswordPage } from './features/auth/ChangePasswordPages.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RequireSession } from './features/auth/RequireSession.tsx';
import { SetupPage } from './features/auth/SetupPage.tsx';
import { useMe } from './features/auth/session.ts';
import { SignedInLayout } from './layout.tsx';
import { MENU_ENTRIES, visibleEntries, type MenuEntry } from './menu.tsx';

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
    <Routes>
      <Route path={LOGIN_PATH} element={<LoginPage />} />
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
  );
}
