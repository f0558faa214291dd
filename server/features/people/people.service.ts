import { today } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { inTransaction, recordEvent } from '../../db/tx.ts';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { fold } from '../../i18n/names.ts';
import { fileUrl, storeFile } from '../files/index.ts';
import { sniffImage } from '../../storage/file-store.ts';
import * as repo from './people.repository.ts';
import { presentAccountLink, presentPerson, presentPersonal, presentPosition } from './people.presenter.ts';

/** Who calls, as the people module sees it: administrators and the person themself see the personal data and may
 * set the photo. */
export type PeopleCaller = { accountId: string; isAdmin: boolean };
export type PeopleRequest = RequestContext<PeopleCaller>;
type PeopleReading = Pick<PeopleRequest, 'app'>;
type Q = Database | Trx;
type PersonRow = Parameters<typeof presentPerson>[0];

/** People as the API shows them: with their positions in force on `asOf` and whether they have an account. */
async function present(q: Q, rows: PersonRow[], asOf: string) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const positions = await repo.positionsInForceOf(q, ids, asOf);
  const withAccount = new Set((await repo.peopleWithAccount(q, ids)).map((a) => a.person_id));
  return rows.map((r) =>
    presentPerson(
      r,
      positions.filter((p) => p.person_id === r.id),
      withAccount.has(r.id),
      fileUrl(r.photo_file_id),
    ),
  );
}

export async function listPeople(
  r: PeopleReading,
  query: { q?: string; body?: string; asOf?: string; page: number; pageSize: number },
) {
  const asOf = query.asOf ?? today(r.app);
  const { rows, total } = await repo.list(r.app.db, {
    folded: query.q ? fold(query.q) : undefined,
    body: query.body,
    asOf,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await present(r.app.db, rows, asOf), total };
}

/** Personal data is shown to administrators and to the person themself; each such view is logged. */
export async function personDetail(r: PeopleRequest, id: string, asOfRaw?: string) {
  const { app, caller } = r;
  const asOf = asOfRaw ?? today(app);
  const row = await repo.findById(app.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const account = await repo.accountOfPerson(app.db, id);
  const self = await repo.personOfAccount(app.db, caller.accountId);
  const mayReveal = caller.isAdmin || self?.person_id === id;
  if (mayReveal) await recordEvent(app.db, r.actor, 'view_personal', { table: 'people', id });
  const history = await repo.positionsOfPerson(app.db, id);
  return {
    person: (await present(app.db, [row], asOf))[0]!,
    personal: mayReveal ? presentPersonal(row) : null,
    history: history.map(presentPosition),
    account: presentAccountLink(account),
  };
}

type PersonInput = {
  fullName?: string;
  gender?: 'male' | 'female' | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  notes?: string | null;
};
const columnsOf = (i: PersonInput): repo.PersonColumns => ({
  ...(i.fullName !== undefined ? { full_name: i.fullName } : {}),
  ...(i.gender !== undefined ? { gender: i.gender } : {}),
  ...(i.birthDate !== undefined ? { birth_date: i.birthDate } : {}),
  ...(i.phone !== undefined ? { phone: i.phone } : {}),
  ...(i.email !== undefined ? { email: i.email } : {}),
  ...(i.address !== undefined ? { address: i.address } : {}),
  ...(i.notes !== undefined ? { notes: i.notes } : {}),
});

export async function createPerson(r: PeopleRequest, input: PersonInput & { fullName: string }) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await repo.insert(trx, { full_name: input.fullName, ...columnsOf(input) });
    return (await present(trx, [row], today(r.app)))[0]!;
  });
}

export async function updatePerson(r: PeopleRequest, id: string, input: PersonInput & { version: number }) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await repo.update(trx, id, input.version, columnsOf(input));
    if (!row) throw new AppError((await repo.exists(trx, id, { live: true })) ? 'CONFLICT' : 'NOT_FOUND');
    return (await present(trx, [row], today(r.app)))[0]!;
  });
}

/** Soft delete (a person entered by mistake) and restore. */
export const deletePerson = (r: PeopleRequest, id: string, input: { version: number }) =>
  setPersonDeleted(r, id, input.version, true);
export const restorePerson = (r: PeopleRequest, id: string, input: { version: number }) =>
  setPersonDeleted(r, id, input.version, false);

async function setPersonDeleted(r: PeopleRequest, id: string, version: number, deleted: boolean) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await repo.setDeleted(trx, id, version, deleted);
    if (!row) throw new AppError((await repo.exists(trx, id, { live: false })) ? 'CONFLICT' : 'NOT_FOUND');
    return (await present(trx, [row], today(r.app)))[0]!;
  });
}

async function checkPositionDates(
  trx: Trx,
  bodyId: string,
  from: string | null | undefined,
  to: string | null | undefined,
) {
  if (from && to && from >= to) throw invalid('validTo', 'validation.endBeforeStart');
  const body = await repo.bodyDates(trx, bodyId);
  if (!body || body.deleted_at) throw referenceRefused('bodyId');
  if (body.valid_to && from && from >= body.valid_to) throw invalid('validFrom', 'validation.bodyEnded');
}

export async function addPosition(
  r: PeopleRequest,
  personId: string,
  input: {
    bodyId: string;
    title: string;
    validFrom?: string | null;
    validTo?: string | null;
    acting: boolean;
    concurrent: boolean;
  },
) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    if (!(await repo.exists(trx, personId, { live: true }))) throw new AppError('NOT_FOUND');
    await checkPositionDates(trx, input.bodyId, input.validFrom, input.validTo);
    const row = await repo.insertPosition(trx, {
      person_id: personId,
      body_id: input.bodyId,
      title: input.title,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      acting: input.acting,
      concurrent: input.concurrent,
    });
    return presentPosition(await repo.position(trx, row.id));
  });
}

export async function updatePosition(
  r: PeopleRequest,
  id: string,
  input: {
    version: number;
    title?: string;
    validFrom?: string | null;
    validTo?: string | null;
    acting?: boolean;
    concurrent?: boolean;
  },
) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const cur = await repo.positionForUpdate(trx, id);
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('CONFLICT');
    await checkPositionDates(
      trx,
      cur.body_id,
      input.validFrom !== undefined ? input.validFrom : cur.valid_from,
      input.validTo !== undefined ? input.validTo : cur.valid_to,
    );
    await repo.updatePosition(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
      ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
      ...(input.acting !== undefined ? { acting: input.acting } : {}),
      ...(input.concurrent !== undefined ? { concurrent: input.concurrent } : {}),
    });
    return presentPosition(await repo.position(trx, id));
  });
}

export async function deletePosition(r: PeopleRequest, id: string, input: { version: number }) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const deleted = await repo.deletePosition(trx, id, input.version);
    if (!deleted) throw new AppError((await repo.positionExists(trx, id)) ? 'CONFLICT' : 'NOT_FOUND');
  });
}

/** Who holds positions in a body on a date (for the body's card). */
export async function positionsOfBody(r: PeopleReading, bodyId: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(r.app);
  return (await repo.positionsOfBody(r.app.db, bodyId, asOf)).map(presentPosition);
}

/** A person's photo: administrators and the person themself may set it; JPEG, PNG or WebP by content, ≤ 2 MB. */
export async function setPhoto(
  r: PeopleRequest & { app: Pick<AppContext, 'files'> },
  personId: string,
  upload: { data: Buffer; filename: string } | null,
) {
  const { app, caller } = r;
  const self = await repo.personOfAccount(app.db, caller.accountId);
  if (!caller.isAdmin && self?.person_id !== personId) throw new AppError('FORBIDDEN');
  const type = upload ? sniffImage(upload.data) : null;
  if (upload && !type) throw invalid('file', 'validation.photoType');
  return inTransaction(app.db, r.actor, async (trx) => {
    const person = await repo.photoForUpdate(trx, personId);
    if (!person) throw new AppError('NOT_FOUND');
    const stored = upload
      ? await storeFile(app, trx, {
          data: upload.data,
          filename: upload.filename,
          contentType: type!,
          createdBy: caller.accountId,
        })
      : null;
    if (person.photo_file_id) await repo.discardFile(trx, person.photo_file_id);
    await repo.setPhoto(trx, personId, stored?.id ?? null);
    return { photoUrl: fileUrl(stored?.id ?? null) };
  });
}
