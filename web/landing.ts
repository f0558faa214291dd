import type { Me } from './features/auth/auth.api.ts';
import { MY_WORK_PATH } from './features/my-work/myWork.api.ts';
import { OVERVIEW_PATH } from './features/overview/overview.api.ts';
import { visibleEntries, type MenuEntry } from './menu.tsx';

// Where "/" opens: where an account's work is. The server says which page that is (the account's `home`, from its
// roles today: the overview for leaders, my work for officers and village reporters); an administrator returns to
// the page they last had open, remembered in this browser per account.

const HOME_PATHS: Record<Me['home'], string> = { overview: OVERVIEW_PATH, 'my-work': MY_WORK_PATH };
const lastPageKey = (accountId: string) => `khoi.lastPage.${accountId}`;

/** The menu entry an address opens, among those the account may see. */
function entryOf(entries: readonly MenuEntry[], pathname: string): MenuEntry | undefined {
  return entries.find((e) => pathname === e.path || pathname.startsWith(e.path + '/'));
}

/** Remembers the page an administrator has open (address and query), to return to it at the next sign-in. */
export function rememberPage(me: Me, pathname: string, search: string): void {
  if (!me.isAdmin || !entryOf(visibleEntries(me), pathname)) return;
  try {
    localStorage.setItem(lastPageKey(me.id), pathname + search);
  } catch {
    // Storage refused (private mode, full): the next sign-in opens the account's home instead.
  }
}

function rememberedPage(me: Me): string | null {
  try {
    return localStorage.getItem(lastPageKey(me.id));
  } catch {
    return null;
  }
}

/** The page "/" opens for this account: an administrator's last page while they may still see it, else the
 * account's home, else the first page of the menu it may see. */
export function landingPath(me: Me): string | undefined {
  const entries = visibleEntries(me);
  const last = me.isAdmin ? rememberedPage(me) : null;
  if (last && entryOf(entries, new URL(last, window.location.origin).pathname)) return last;
  const home = HOME_PATHS[me.home];
  return entryOf(entries, home) ? home : entries[0]?.path;
}
