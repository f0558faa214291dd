/**
 * The work benchmark's client before the load: signing in as the officer, and correctness before speed — exact
 * totals, diacritics-insensitive search, an officer (not an admin), the sizes of the answers.
 */
import type { AppContext } from '../server/context.ts';
import { createToken } from '../server/features/tokens/tokens.service.ts';
import { actor, type Officer, type Random, type WorkData } from './work.data.ts';
import { median } from './work.report.ts';
import { SEARCH_TERMS, STATUS_BAG } from './work.words.ts';

/** The header wrk sends (`Name: value`) and, for a session, the CSRF token of its writes. */
export async function signIn(
  ctx: AppContext,
  opts: { origin: string; me: Officer; auth: string; password: string },
): Promise<{ authHeader: string; csrf: string }> {
  const { origin, me } = opts;
  if (opts.auth === 'token') {
    const { secret } = await createToken(
      { app: ctx, actor: { ...actor, accountId: me.accountId }, caller: { accountId: me.accountId }, lang: 'vi' },
      { name: 'bench' },
    );
    return { authHeader: `Authorization: Bearer ${secret}`, csrf: '' };
  }
  const r = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ login: me.username, password: opts.password }),
  });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('khoi_session='));
  const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  return { authHeader: `Cookie: ${cookie}`, csrf };
}

/** The checks as lines of the report; throws when a total is not what the generated data says. */
export async function checkWork(
  ctx: AppContext,
  data: WorkData,
  opts: { origin: string; authHeader: string; me: Officer; auth: string; tasks: number; random: Random },
) {
  const { db } = ctx;
  const { origin, authHeader, me, tasks: TASKS } = opts;
  const { programmeId, officers, groups } = data;
  const { pick } = opts.random;
  const [hName, hValue] = [
    authHeader.slice(0, authHeader.indexOf(':')),
    authHeader.slice(authHeader.indexOf(':') + 1).trim(),
  ];
  const sizes: Record<string, number[]> = {};
  const get = async (p: string, kind = 'other') => {
    const r = await fetch(origin + p, { headers: { [hName]: hValue } });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${text}`);
    (sizes[kind] ??= []).push(Buffer.byteLength(text));
    return JSON.parse(text) as { total: number; items: { id: string; title: string }[] };
  };

  const checks: string[] = [];
  const isAdmin = (
    await db.selectFrom('accounts').select('is_admin').where('id', '=', me.accountId).executeTakeFirstOrThrow()
  ).is_admin;
  checks.push(
    `caller ${me.username}: officer on 06712, is_admin=${isAdmin}, auth by ${opts.auth === 'token' ? 'personal API token' : 'session cookie + CSRF token'}`,
  );
  const all = await get(`/api/tasks?programmeId=${programmeId}&pageSize=1`);
  if (all.total !== TASKS) throw new Error(`list total ${all.total} ≠ ${TASKS}`);
  const q = (term: string) =>
    get(`/api/tasks?programmeId=${programmeId}&q=${encodeURIComponent(term)}&pageSize=25`, 'search');
  const [accented, bare, lower] = [await q('Trà Cổ'), await q('Tra Co'), await q('trà cổ')];
  // Folded titles are the truth (JS fold, as the service writes them); "tra co" also matches "Kiểm tra cống hộp".
  const folded = data.folded.filter((t) => t.includes('tra co')).length;
  const exact = data.titles.filter((t) => t.includes('Trà Cổ')).length;
  if (accented.total !== bare.total || accented.total !== lower.total || accented.total !== folded)
    throw new Error(
      `search: "Trà Cổ" ${accented.total}, "Tra Co" ${bare.total}, "trà cổ" ${lower.total}, folded titles ${folded}`,
    );
  checks.push(
    `search: "Trà Cổ" ${accented.total}, "Tra Co" ${bare.total}, "trà cổ" ${lower.total} — equal, and equal to the generated titles whose fold contains "tra co" (${exact} contain "Trà Cổ" as written; the rest are e.g. "Kiểm tra cống hộp")`,
  );
  const hits: number[] = [];
  for (const term of SEARCH_TERMS) hits.push((await q(term)).total);
  checks.push(
    `the peer's 18 terms hit ${((Math.min(...hits) / TASKS) * 100).toFixed(1)}–${((Math.max(...hits) / TASKS) * 100).toFixed(1)} % of the tasks (median ${median(hits)})`,
  );
  let listTotal = 0;
  for (let i = 0; i < 50; i++)
    listTotal += (
      await get(
        `/api/tasks?programmeId=${programmeId}&status=${pick(STATUS_BAG)}&assigneeAccountId=${pick(officers).accountId}&groupId=${pick(groups)}&pageSize=25`,
        'list',
      )
    ).total;
  checks.push(
    `list (status + assignee + group, as Redmine's status + assignee + category): ${(listTotal / 50).toFixed(1)} matching tasks on average`,
  );
  let pageTotal = 0;
  for (let i = 0; i < 50; i++)
    pageTotal += (
      await get(
        `/api/tasks?programmeId=${programmeId}&status=${pick(STATUS_BAG)}&groupId=${pick(groups)}&pageSize=25`,
        'page',
      )
    ).total;
  checks.push(`page (status + group): ${(pageTotal / 50).toFixed(1)} matching tasks on average`);
  const mine = (await get(`/api/my-work?pageSize=25`, 'mine')) as unknown as {
    total: number;
    items: unknown[];
    sections: { overdue: number; dueSoon: number; awaiting: number; rest: number };
  };
  const { overdue, dueSoon, awaiting, rest } = mine.sections;
  if (overdue + dueSoon + awaiting + rest !== mine.total || mine.items.length !== Math.min(25, mine.total))
    throw new Error(
      `my work: total ${mine.total}, sections ${overdue}+${dueSoon}+${awaiting}+${rest}, ${mine.items.length} rows`,
    );
  checks.push(
    `my work (the officer's): ${mine.total} tasks (${overdue} overdue, ${dueSoon} due within 7 days, ${awaiting} waiting for acceptance, ${rest} more), the first 25 sent`,
  );
  for (const t of accented.items.slice(0, 20)) await get(`/api/tasks/${t.id}`, 'show');
  const kb = (k: string) => (sizes[k]!.reduce((a, b) => a + b, 0) / sizes[k]!.length / 1024).toFixed(1);
  checks.push(
    `response bodies (JSON, mean): list ${kb('list')} KiB, page ${kb('page')} KiB, one task ${kb('show')} KiB, search ${kb('search')} KiB, my work ${kb('mine')} KiB`,
  );
  return checks;
}
