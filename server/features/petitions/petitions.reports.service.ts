import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { presentPetitioner } from './petitions.presenter.ts';
import * as repo from './petitions.repository.ts';
import * as reports from './petitions.reports.repository.ts';
import type { PetitionCaller } from './petitions.scope.ts';

type Reading = { app: { db: Database | Trx }; caller: PetitionCaller };

/** Open cases per key project (the clearance view's "open petitions"): every project asked has an entry. */
export async function openPetitionCountsByProject(
  q: Database | Trx,
  projectIds: string[],
): Promise<Map<string, number>> {
  const rows = await reports.openCountsByProject(q, projectIds);
  const out = new Map(projectIds.map((id) => [id, 0]));
  for (const r of rows) out.set(r.project_id, r.n);
  return out;
}

/**
 * The rows of a register (sổ tiếp công dân or sổ theo dõi đơn) of a body and year, as the caller may read them —
 * the petitioners through the identity guard (a marker, no address, for whoever may not see them). Phase 2's
 * XLSX/Word register writes these rows; an export without the personal-data right is then without identities too.
 */
export async function registerRows(r: Reading, f: { bodyId: string; year: number; register: 'reception' | 'letters' }) {
  const rows = await reports.registerRows(r.app.db, r.caller, f);
  const petitioners = await repo.petitionersOf(
    r.app.db,
    rows.map((x) => x.id),
  );
  return rows.map((x) => ({
    id: x.id,
    number: x.number,
    year: x.year,
    receivedOn: x.received_on,
    channel: x.channel,
    kind: x.kind,
    summary: x.summary,
    content: x.content,
    state: x.state,
    competence: x.competence,
    petitioners: petitioners.filter((p) => p.petition_id === x.id).map((p) => presentPetitioner(p, x.identities)),
  }));
}

export type PeriodCounts = {
  byKind: Record<string, number>;
  byChannel: Record<string, number>;
  byCompetence: Record<string, number>;
  byAction: Record<string, number>;
  onTime: number;
  late: number;
};

/** The counts of the six-monthly / yearly petition report for a body over [from, to] (no identities: counts). */
export async function periodCounts(r: Reading, f: { bodyId: string; from: string; to: string }): Promise<PeriodCounts> {
  const rows = await reports.periodCounts(r.app.db, r.caller, f);
  const pick = (dimension: string) =>
    Object.fromEntries(rows.filter((x) => x.dimension === dimension).map((x) => [x.key ?? 'unclassified', x.n]));
  const t = pick('timeliness');
  return {
    byKind: pick('kind'),
    byChannel: pick('channel'),
    byCompetence: pick('competence'),
    byAction: pick('action'),
    onTime: t.on_time ?? 0,
    late: t.late ?? 0,
  };
}
