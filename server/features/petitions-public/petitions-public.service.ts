import crypto from 'node:crypto';
import type { z } from 'zod';
import { today as todayOf } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { fold } from '../../i18n/names.ts';
import { computeDeadline } from '../legal-deadlines/index.ts';
import { storeFile } from '../files/index.ts';
import { submitPublicPetition } from '../petitions/index.ts';
import { sniffDocument } from '../../storage/file-store.ts';
import * as repo from './petitions-public.repository.ts';
import { PUBLIC_FILES_MAX } from './petitions-public.schemas.ts';
import type * as s from './petitions-public.schemas.ts';

type App = Pick<AppContext, 'db' | 'clock'>;

/**
 * The limits that keep the public form usable without a captcha (issue 21 §8). In each server's memory (the routes'
 * rate limits): a few submissions per address per ten minutes. In the database, so that they hold across restarts and
 * servers: a daily cap per address and per phone number. On each form: a signed timestamp token (too fast → refused:
 * a person reads and types for longer than a robot posts) and a field people do not see (a honeypot).
 */
export const LIMITS = {
  /** the least time between opening the form and sending it */
  minFillSeconds: 8,
  /** a form token is good for a day */
  maxTokenHours: 24,
  /** successful submissions per address (an IPv6 /64) per day: a commune's shared connection sends several */
  perAddressPerDay: 20,
  /** successful submissions per phone number per day */
  perPhonePerDay: 5,
  /** files uploaded per address per day: a commune's shared connection, a few files to each of its letters */
  uploadsPerAddressPerDay: 40,
} as const;

// The secret is read once per database (one per test app), and made by whichever server asks first.
const secrets = new WeakMap<Database, Promise<Buffer>>();
function secretOf(db: Database): Promise<Buffer> {
  let s = secrets.get(db);
  if (!s) {
    s = repo.formSecret(db, crypto.randomBytes(32));
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

const hmac = (secret: Buffer, purpose: string, value: string) =>
  crypto.createHmac('sha256', secret).update(`${purpose}:${value}`).digest();

/** An address as the limits count it: an IPv4 address whole, an IPv6 one by its /64 (one line hands a whole /64
 * to a subscriber, who could otherwise step through it). */
export function addressKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return (
    groups
      .slice(0, 4)
      .map((g) => g.padStart(4, '0'))
      .join(':') + '::/64'
  );
}

/** A form token given at `issued` (ms): the time and a nonce, signed. */
export async function signFormToken(db: Database, issued: number): Promise<string> {
  const nonce = crypto.randomBytes(9).toString('base64url');
  const sig = hmac(await secretOf(db), 'form', `${issued}.${nonce}`).toString('base64url');
  return `${issued}.${nonce}.${sig}`;
}

/** The form's token: when it was given, signed. */
export async function formToken(app: App): Promise<z.infer<typeof s.formResponse>> {
  return {
    formToken: await signFormToken(app.db, app.clock.now().getTime()),
    minSeconds: LIMITS.minFillSeconds,
    maxHours: LIMITS.maxTokenHours,
  };
}

/** Checks a form token and answers its nonce: FORM_EXPIRED when it is not ours or older than a day, FORM_TOO_FAST
 * (with the seconds left) when a submission comes before the minimum fill time (an upload may come at once). */
async function checkFormToken(app: App, token: string, opts: { minFill: boolean }): Promise<string> {
  const [issued = '', nonce = '', sig = ''] = token.split('.');
  const good = hmac(await secretOf(app.db), 'form', `${issued}.${nonce}`).toString('base64url');
  const ours =
    /^\d{1,15}$/.test(issued) &&
    sig.length === good.length &&
    crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(good));
  const age = app.clock.now().getTime() - Number(issued);
  if (!ours || age > LIMITS.maxTokenHours * 3_600_000 || age < -60_000)
    throw new AppError('FORM_EXPIRED', { field: 'formToken' });
  if (opts.minFill && age < LIMITS.minFillSeconds * 1000)
    throw new AppError('FORM_TOO_FAST', {
      field: 'formToken',
      retryAfterSeconds: Math.max(1, Math.ceil((LIMITS.minFillSeconds * 1000 - age) / 1000)),
    });
  return nonce;
}

/** What a citizen may attach: a photo (JPEG, PNG, WebP), a PDF, a Word or Excel file, told by its first bytes. */
const PUBLIC_FILE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/**
 * A file the citizen attaches while filling the form: bound to the form's token (only a submission carrying it may
 * attach the file), at most PUBLIC_FILES_MAX per form and LIMITS.uploadsPerAddressPerDay per address a day. The file
 * is stored at once, no one may read it until a submission attaches it (then only those who see the case's
 * petitioners), and the daily job deletes it if none does (dropStaleUploads).
 */
export async function uploadFile(
  app: App & Pick<AppContext, 'files'>,
  token: string,
  file: { data: Buffer; filename: string },
  who: Pick<Sender, 'ip' | 'requestId'>,
): Promise<z.infer<typeof s.uploadResponse>> {
  const nonce = await checkFormToken(app, token, { minFill: false });
  const type = sniffDocument(file.data, file.filename);
  if (!type || !PUBLIC_FILE_TYPES.has(type))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      field: 'file',
      issues: [{ field: 'file', message: 'publicPetitions.validation.fileType' }],
    });
  const day = todayOf(app);
  const key = await countKey(app.db, { upload: who.ip });
  const actor: Actor = { accountId: null, label: 'public', requestId: who.requestId, ip: who.ip };
  const row = await inTransaction(app.db, actor, async (trx) => {
    if ((await repo.lockedUploadCount(trx, nonce)) >= PUBLIC_FILES_MAX)
      throw invalid('file', 'publicPetitions.validation.tooManyFiles');
    const full = await repo.countSubmission(trx, day, [{ hash: key, cap: LIMITS.uploadsPerAddressPerDay }]);
    if (full.length)
      throw new AppError('DAILY_LIMIT_REACHED', { retryAfterSeconds: secondsToTomorrow(app.clock.now()) });
    const stored = await storeFile(app, trx, { ...file, contentType: type, createdBy: null });
    await repo.insertUpload(trx, stored.id, nonce, app.clock.now());
    return stored;
  });
  return { id: row.id, filename: file.filename.normalize('NFC'), contentType: type, size: file.data.length };
}

/** The daily job's part: forgets the public uploads older than two days (a form token lives one), deleting the files
 * no submission took, their bytes after the rows. Answers how many files were deleted. */
export async function dropStaleUploads(app: App & Pick<AppContext, 'files'>): Promise<number> {
  const before = new Date(app.clock.now().getTime() - 2 * 86_400_000);
  const keys = await inTransaction(app.db, { accountId: null, label: 'job:public-uploads' }, (trx) =>
    repo.dropStaleUploads(trx, before),
  );
  for (const key of keys) await app.files.remove(key);
  return keys.length;
}

/** Seconds until the next midnight in Vietnam (UTC+7, no summer time): when a daily cap opens again. */
function secondsToTomorrow(now: Date): number {
  const vn = now.getTime() + 7 * 3_600_000;
  return Math.max(1, Math.ceil((86_400_000 - (vn % 86_400_000)) / 1000));
}

/** The key under which a day's submissions from an address, or naming a phone number, are counted (a keyed hash:
 * neither is stored). */
export async function countKey(
  db: Database,
  of: { ip: string } | { phone: string } | { upload: string },
): Promise<Buffer> {
  const value =
    'ip' in of ? `ip:${addressKey(of.ip)}` : 'phone' in of ? `phone:${of.phone}` : `upload:${addressKey(of.upload)}`;
  return hmac(await secretOf(db), 'count', value);
}

/** A title when the citizen gave none: the first line of the letter, cut at a word within 120 characters. */
export function summaryOf(content: string): string {
  const line =
    content
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? content;
  if (line.length <= 120) return line;
  const cut = line.slice(0, 120);
  return (cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut) + '…';
}

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export type Sender = { ip: string; requestId: string; lang: Lang };

/**
 * A citizen's petition from the public form: the checks that cost nothing first (the honeypot, the form's token),
 * then what it names (one of the public receiving bodies, a unit in force), then the daily caps counted in the
 * database (taken back if the intake then fails), then the intake itself (petitions: a `received` case, channel
 * online_form, with its random tracking code). Answers the code and when the office owes the citizen word of it.
 */
export async function submitPetition(app: App, input: s.SubmitInput, who: Sender) {
  if (input.website) throw invalid('website', 'publicPetitions.validation.honeypot');
  const nonce = await checkFormToken(app, input.formToken, { minFill: true });
  const fileIds = input.attachments ?? [];
  const free = await repo.freeUploads(app.db, nonce, fileIds);
  for (const [i, id] of fileIds.entries()) if (!free.has(id)) throw referenceRefused(`attachments.${i}`);
  if (!input.fullName && (input.phone || input.address))
    throw invalid('fullName', 'publicPetitions.validation.nameForContact');
  const day = todayOf(app);
  if (!(await repo.isReceivingBody(app.db, input.receivingBodyId, day))) throw referenceRefused('receivingBodyId');
  let unitCode: string | undefined;
  if (input.addressUnitId) {
    const code = await repo.unitCodeOn(app.db, input.addressUnitId, day);
    if (!code) throw referenceRefused('addressUnitId');
    unitCode = code;
  }

  const keys = [{ hash: await countKey(app.db, { ip: who.ip }), cap: LIMITS.perAddressPerDay as number }];
  if (input.phone) keys.push({ hash: await countKey(app.db, { phone: input.phone }), cap: LIMITS.perPhonePerDay });
  const actor: Actor = { accountId: null, label: 'public', requestId: who.requestId, ip: who.ip };
  await inTransaction(app.db, actor, async (trx) => {
    const full = await repo.countSubmission(trx, day, keys);
    if (full.length)
      throw new AppError('DAILY_LIMIT_REACHED', {
        field: full.includes(1) ? 'phone' : undefined,
        retryAfterSeconds: secondsToTomorrow(app.clock.now()),
      });
    await repo.dropOldCounts(trx, day);
  });

  let done: { trackingCode: string; receivedOn: string };
  try {
    done = await submitPublicPetition(
      app,
      {
        receivingBodyId: input.receivingBodyId,
        kind: input.kind,
        summary: input.summary ?? summaryOf(input.content),
        content: input.content,
        anonymous: !input.fullName,
        addressUnitCode: unitCode,
        fileIds,
        petitioners: input.fullName
          ? [{ fullName: input.fullName, phone: input.phone, address: input.address, isRepresentative: false }]
          : [],
      },
      actor,
    );
  } catch (err) {
    await inTransaction(app.db, actor, (trx) =>
      repo.uncountSubmission(
        trx,
        day,
        keys.map((k) => k.hash),
      ),
    );
    throw err;
  }
  const due = await computeDeadline(app.db, { rule: 'petition.reply_citizen', start: done.receivedOn });
  return {
    trackingCode: done.trackingCode,
    receivedOn: done.receivedOn,
    replyDueOn: due.due,
    replyDays: due.days,
    dayKind: due.dayKind,
    expect: translate(who.lang, `publicPetitions.expect.${due.dayKind}`, {
      days: due.days,
      due: vnDate(due.due),
    }),
  };
}

type PublicStatus = z.infer<typeof s.publicStatus>;
const ORDER: PublicStatus[] = ['received', 'processing', 'forwarded', 'answered', 'closed'];

/** A case's state as the public sees it: received; being considered; forwarded; answered; closed. */
export function publicStatusOf(state: string): PublicStatus {
  switch (state) {
    case 'received':
      return 'received';
    case 'forwarded':
    case 'awaiting_result':
      return 'forwarded';
    case 'result_received':
    case 'guided':
      return 'answered';
    case 'filed':
    case 'withdrawn':
    case 'closed':
      return 'closed';
    default:
      // registered, classified, proposed_for_handling, suspended (and merged or split, resolved by the caller)
      return 'processing';
  }
}

/**
 * What the holder of a tracking code may know: the status in plain words, the dates, where the petition was
 * forwarded, and only the replies the office published. Never a petitioner, an officer, a note, the content or the
 * register number. A merged duplicate is tracked through the case it was merged into; a letter split into its parts
 * shows the least advanced part's status and the parts' forwards and published replies.
 */
export async function trackPetition(app: App, code: string, lang: Lang): Promise<z.infer<typeof s.trackResponse>> {
  const found = await repo.trackedCase(app.db, { code });
  if (!found)
    throw new AppError('NOT_FOUND', {
      field: 'code',
      issues: [{ field: 'code', message: 'publicPetitions.validation.codeUnknown' }],
    });
  let c = found;
  for (let hop = 0; c.state === 'merged' && c.merged_into_id && hop < 5; hop++)
    c = (await repo.trackedCase(app.db, { id: c.merged_into_id })) ?? c;
  let ids = [c.id];
  let status = publicStatusOf(c.state);
  if (c.state === 'split') {
    const parts = await repo.partStates(app.db, c.id);
    ids = [c.id, ...parts.map((p) => p.id)];
    const least = Math.min(...parts.map((p) => ORDER.indexOf(publicStatusOf(p.state))));
    status = parts.length ? ORDER[least]! : 'processing';
  }
  const [forwards, replies] = await Promise.all([repo.forwardsOf(app.db, ids), repo.publishedReplies(app.db, ids)]);
  const lastForward = forwards.at(-1)?.to_name ?? '';
  return {
    code,
    status,
    statusText: translate(lang, `publicPetitions.status.${status}`, { body: lastForward }),
    receivingBody: found.body_name,
    receivedOn: found.received_on,
    replyDueOn: found.reply_due_on,
    updatedOn: c.updated_on,
    closedOn: status === 'closed' ? c.closed_on : null,
    forwards: forwards.map((f) => ({ to: f.to_name, on: f.forwarded_on })),
    replies: replies.map((r) => ({ on: r.received_on, text: r.published_text })),
  };
}

/** The public list of receiving bodies. */
export async function receivingBodies(app: App) {
  const rows = await repo.listReceivingBodies(app.db, todayOf(app));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level === 1 ? ('province' as const) : ('commune' as const),
    })),
  };
}

/** Communes, wards and villages by name, for the petition's address. */
export async function searchUnits(app: App, q: string) {
  const folded = fold(q);
  if (folded.length < 2) throw invalid('q', 'publicPetitions.validation.searchShort');
  return { items: await repo.searchUnits(app.db, folded, todayOf(app), 20) };
}
