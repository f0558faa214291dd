import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Ok } from '../../lib/contract.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { listProgrammes, programmesKey, WORK_KEY, type Programme } from '../work/work.api.ts';

/** GET /api/programmes/:id/overview: the leader's figures for one programme, in total, per group (and outside any),
 * per lead body and per kind, with the key and commissioned tasks apart. */
export type Overview = Ok<'/api/programmes/{id}/overview'>;

export const OVERVIEW_PATH = '/tong-quan';

export const overviewKey = (id: string) => [...WORK_KEY, 'overview', id] as const;

export function getOverview(id: string, signal?: AbortSignal): Promise<Overview> {
  return api(`/api/programmes/${encodeURIComponent(id)}/overview`, { signal });
}

/** The overview's two queries, as OverviewPage asks for them. */
export const programmesQuery = {
  queryKey: programmesKey({}),
  queryFn: ({ signal }: { signal?: AbortSignal }) => listProgrammes({}, signal),
};
export const overviewQuery = (id: string) => ({
  queryKey: overviewKey(id),
  queryFn: ({ signal }: { signal?: AbortSignal }) => getOverview(id, signal),
});

/**
 * The default programme: this year's programme of a body the caller manages (their own body), else any of this year,
 * else the latest one. The list comes newest year first.
 */
export function defaultProgramme(list: Programme[], year: number): Programme | undefined {
  const thisYear = list.filter((p) => p.year === year);
  return thisYear.find((p) => p.canManage) ?? thisYear[0] ?? list.find((p) => p.canManage) ?? list[0];
}

/** Fetches the overview's programmes and the default programme's figures into the cache, while the app renders the
 * shell around the page that will show them. */
export async function prefetchOverview(queryClient: QueryClient): Promise<void> {
  const list = await queryClient.fetchQuery(programmesQuery);
  const chosen = defaultProgramme(list, todayInVietnam().year());
  if (chosen) await queryClient.prefetchQuery(overviewQuery(chosen.id));
}
