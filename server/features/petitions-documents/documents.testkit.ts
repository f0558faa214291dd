import type { TestApp } from '../../../test/app.ts';
import { seedPetition } from '../petitions/petitions.testkit.ts';

type MatrixReq = { method: 'POST'; url: string; body: Record<string, unknown> };

/** A registered case of a body (numbered in its letters register) with a notice in `status`, written directly. */
async function seeded(db: TestApp['db']['db'], bodyId: string, receivedOn: string, status: 'draft' | 'signed' | null) {
  const p = await seedPetition(db, { bodyId, state: 'registered', receivedOn });
  const number = Math.floor(Math.random() * 1_000_000) + 1000;
  await db.updateTable('petitions').set({ register_body_id: bodyId, number }).where('id', '=', p.id).execute();
  if (!status) return { petitionId: p.id, documentId: '', version: 0 };
  const d = await db
    .insertInto('petition_documents')
    .values({
      petition_id: p.id,
      kind: 'receipt',
      status,
      issuer_body_id: bodyId,
      series: 'petition_notice',
      symbol: 'TB-MT',
      signed_at: status === 'signed' ? new Date(`${receivedOn}T05:00:00Z`) : null,
      signer_name: status === 'signed' ? 'Người ký' : null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { petitionId: p.id, documentId: d.id, version: d.version };
}

/** The scope matrix's fixtures of the notices' scoped routes: a case of `own` (or, for `successor`, of
 * `predecessor`, a body that ended) with a notice in the state the route starts from. */
export function matrixPetitionDocuments(
  t: () => TestApp,
  bodies: () => { own: string; predecessor: string },
): Record<string, (who: string) => Promise<MatrixReq>> {
  const at = (who: string) =>
    who === 'successor' ? { body: bodies().predecessor, day: '2025-03-01' } : { body: bodies().own, day: '2026-02-20' };
  return {
    'POST /api/petitions/:id/documents': async (who) => {
      const s = await seeded(t().db.db, at(who).body, at(who).day, null);
      return { method: 'POST', url: `/api/petitions/${s.petitionId}/documents`, body: { kind: 'receipt' } };
    },
    'POST /api/petitions/:id/documents/:documentId/sign': async (who) => {
      const s = await seeded(t().db.db, at(who).body, at(who).day, 'draft');
      return {
        method: 'POST',
        url: `/api/petitions/${s.petitionId}/documents/${s.documentId}/sign`,
        body: { version: s.version, signerName: 'Nguyễn Văn Định' },
      };
    },
    'POST /api/petitions/:id/documents/:documentId/issue': async (who) => {
      const s = await seeded(t().db.db, at(who).body, at(who).day, 'signed');
      return {
        method: 'POST',
        url: `/api/petitions/${s.petitionId}/documents/${s.documentId}/issue`,
        body: { version: s.version },
      };
    },
  };
}
