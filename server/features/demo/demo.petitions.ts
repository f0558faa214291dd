import dayjs from 'dayjs';
import { localDate } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../db/tx.ts';
import {
  classifyPetition,
  closePetition,
  createPetition,
  defaultRegister,
  filePetition,
  forwardPetition,
  guidePetition,
  mergePetition,
  proposePetition,
  recordDecision,
  recordReply,
  registerPetition,
  remindPetition,
  splitPetition,
  submitPublicPetition,
  superviseCase,
  withdrawPetition,
  type PetitionRequest,
} from '../petitions/index.ts';
import { MC1_FRONT, PROJECT_SEED, PROJECTS, plannedHouseholds, random } from './demo.clearance.data.ts';
import { seedDemoClearance, windowStart, type ClearanceSeeded } from './demo.clearance.ts';
import * as mine from './demo.clearance.repository.ts';
import { CASES, type CaseSpec, type Step, type Who } from './demo.petitions.data.ts';
import * as repo from './demo.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type Detail = Awaited<ReturnType<typeof createPetition>>;

/** The demo's recent cases are dated exactly; the earlier ones share the time before these many days. */
const RECENT = 150;

export type CaseworkSeeded = ClearanceSeeded & { petitions: number };

/**
 * Seeds the demo's site clearance and dialogues (demo.clearance.ts), then its petitions (demo.petitions.data.ts)
 * through the petitions module's services, as the ward's officer (canbo) or its chair (mongcai) on the days they
 * acted: received and numbered in their registers in the order they came, classified, split, merged, guided,
 * forwarded once, chased, handed to supervision, answered, filed and closed — each step's deadlines started and met
 * by the module as it does for a person. This year's and last year's, never before the wards existed (1/7/2025): a
 * database whose today is earlier than five months after gets none. Idempotent: nothing is added when the first case is there.
 */
export async function seedDemoCasework(ctx: Ctx, actor: Actor): Promise<CaseworkSeeded> {
  const today = localDate(ctx.clock.now());
  const none = { projects: 0, households: 0, visits: 0, dialogues: 0, petitions: 0 };
  if (dayjs(today).diff(windowStart(today), 'day') < RECENT + 2) return none;
  const clearance = await seedDemoClearance(ctx.db, actor, today);
  const petitions = await seedDemoPetitions(ctx, actor, today);
  return { ...clearance, petitions };
}

async function seedDemoPetitions(ctx: Ctx, actor: Actor, today: string): Promise<number> {
  const db = ctx.db;
  const front = await repo.bodyNamed(db, MC1_FRONT);
  if (!front || (await mine.petitionOfBody(db, front.id, CASES[0]!.summary))) return 0;
  const account = async (username: string) => {
    const row = await repo.accountNamed(db, username);
    if (!row) throw new Error(`demo: no account ${username}`);
    return row.id;
  };
  const who = { canbo: await account('canbo'), mongcai: await account('mongcai') };
  const bodyId = async (name: string) => {
    const row = await repo.bodyNamed(db, name);
    if (!row) throw new Error(`demo: no body "${name}"`);
    return row.id;
  };
  const projects = new Map((await mine.projectsByCode(db, Object.keys(PROJECT_SEED))).map((p) => [p.code, p.id]));
  const heads = new Map(PROJECTS.map((p) => [p.code, plannedHouseholds(p, PROJECT_SEED[p.code]!)]));

  /** A request of an account on a day (its rights of that day; what it writes dated 10:00 that morning). */
  const as = (username: 'canbo' | 'mongcai', day: string): PetitionRequest => {
    const at = new Date(`${day}T03:00:00Z`);
    return {
      app: { db, clock: { now: () => at } },
      actor: { ...actor, accountId: who[username] },
      caller: { accountId: who[username], isAdmin: false, today: day },
      lang: 'vi',
    };
  };

  // The days: recent cases exactly, earlier ones spread over the time from the window's start (the wards' start, or
  // the previous year's); Sundays and Saturdays moved to the Friday before (the office receives on working days).
  const span = dayjs(today).diff(windowStart(today), 'day');
  const agoOf = (c: CaseSpec) => c.ago ?? Math.round(RECENT + c.old! * (span - RECENT - 1));
  const weekday = (day: string) => {
    const d = dayjs(day);
    const back = d.day() === 6 ? 1 : d.day() === 0 ? 2 : 0;
    return d.subtract(back, 'day').format('YYYY-MM-DD');
  };
  const received = (c: CaseSpec) => dayjs(today).subtract(agoOf(c), 'day').format('YYYY-MM-DD');
  const dayOf = (c: CaseSpec, at: number) => weekday(dayjs(received(c)).add(at, 'day').format('YYYY-MM-DD'));

  const petitioners = (c: CaseSpec) =>
    c.petitioners.map((p: Who, i) => {
      const rnd = random(hash(`${c.key}:${i}`));
      const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
      const person =
        'household' in p
          ? (() => {
              const h = heads.get(c.project!)![p.household]!;
              return { name: h.headName, gender: h.gender, address: h.group.address };
            })()
          : p;
      const born = 50 + Math.floor(rnd() * 40);
      return {
        fullName: person.name,
        // CCCD: the province (022 Quảng Ninh), the sex and century, the year of birth, then six digits.
        idNumber: i === 0 || rnd() < 0.5 ? `022${person.gender === 'male' ? 0 : 1}${born}${digits(6)}` : undefined,
        phone: i === 0 ? `09${digits(8)}` : undefined,
        address: person.address,
        isRepresentative: c.representatives !== undefined && i < c.representatives,
      };
    });

  const ids = new Map<string, Detail>();
  const ordered = [...CASES].sort((a, b) => agoOf(b) - agoOf(a));
  /** Receives a case: registered at once, or from the public form received, then registered by the officer. */
  const receive = async (c: CaseSpec) => {
    const day = dayOf(c, 0);
    const by = c.by ?? 'canbo';
    if (c.channel === 'online_form') {
      const sent = await submitPublicPetition(
        { db, clock: { now: () => new Date(`${day}T03:00:00Z`) } },
        {
          receivingBodyId: front.id,
          kind: c.kind,
          summary: c.summary,
          content: c.content,
          anonymous: false,
          addressUnitCode: c.addressUnitCode,
          petitioners: petitioners(c),
        },
      );
      const row = await mine.petitionByTracking(db, sent.trackingCode);
      const registered = c.steps.find((x) => x.do === 'register')?.at ?? 0;
      ids.set(c.key, await registerPetition(as(by, dayOf(c, registered)), row!.id, { version: row!.version }));
      return;
    }
    ids.set(
      c.key,
      await createPetition(as(by, day), {
        receivingBodyId: front.id,
        receivedOn: day,
        channel: c.channel,
        forwardedFromBodyId: c.forwardedFrom ? await bodyId(c.forwardedFrom) : undefined,
        kind: c.kind,
        summary: c.summary,
        content: c.content,
        anonymous: c.anonymous ?? false,
        addressUnitCode: c.addressUnitCode,
        projectId: c.project ? projects.get(c.project) : undefined,
        petitioners: petitioners(c),
        officerIds: [],
        fileIds: [],
      }),
    );
  };
  // Each register numbers its cases per year in the order they came: one register's year after the other's cases,
  // in order; the registers and years apart from each other (their numbers do not depend on each other).
  const streams = new Map<string, CaseSpec[]>();
  for (const c of ordered) {
    const key = `${defaultRegister(c.channel)}:${dayOf(c, 0).slice(0, 4)}`;
    streams.set(key, [...(streams.get(key) ?? []), c]);
  }
  await Promise.all(
    [...streams.values()].map(async (list) => {
      for (const c of list) await receive(c);
    }),
  );

  /** Takes a case's steps in order, as of their days; stops at a step that would fall after today. */
  const walk = async (c: CaseSpec, start: Detail, steps: Step[]) => {
    let p = start;
    for (const s of steps) {
      const day = dayOf(c, s.at);
      if (day > today) break;
      const r = as(s.by ?? c.by ?? 'canbo', day);
      const v = { version: p.version };
      switch (s.do) {
        case 'classify':
          p = await classifyPetition(r, p.id, {
            ...v,
            kind: s.kind,
            eligible: s.eligible,
            eligibilityReason: s.reason,
            competence: s.competence,
            signatoryCount: c.petitioners.length || undefined,
          });
          break;
        case 'forward':
          p = await forwardPetition(r, p.id, {
            ...v,
            on: day,
            ...('body' in s.to ? { toBodyId: await bodyId(s.to.body) } : { toName: s.to.name }),
            note: s.note,
          });
          break;
        case 'decision':
          p = await recordDecision(r, p.id, { ...v, decidedOn: day, note: s.note });
          break;
        case 'reply':
          p = await recordReply(r, p.id, {
            ...v,
            receivedOn: day,
            decidedOn: s.decidedAt === undefined ? undefined : dayOf(c, s.decidedAt),
            result: s.result,
            publish: s.publish !== undefined,
            publishedText: s.publish,
          });
          break;
        case 'merge':
          p = await mergePetition(r, p.id, { ...v, intoId: ids.get(s.into)!.id });
          break;
        case 'split': {
          p = await splitPetition(r, p.id, {
            ...v,
            parts: s.parts.map((x) => ({ kind: x.kind, summary: x.summary, content: x.content })),
          });
          for (const part of s.parts) {
            const made = p.parts.find((x) => x.summary === part.summary)!;
            const detail = { ...p, id: made.id, version: 1 };
            await walk(c, detail, part.steps);
          }
          break;
        }
        case 'register': // done when it was received
          break;
        default: {
          const act = ACTIONS[s.do];
          p = await act(r, p.id, { ...v, on: day, note: s.note });
        }
      }
    }
  };
  // Each case's steps in order, the cases side by side; a merge after the case it names has taken its steps.
  const merges = (c: CaseSpec) => c.steps.some((s) => s.do === 'merge');
  await Promise.all(ordered.filter((c) => !merges(c)).map((c) => walk(c, ids.get(c.key)!, c.steps)));
  for (const c of ordered.filter(merges)) await walk(c, ids.get(c.key)!, c.steps);
  return (
    ids.size + CASES.reduce((n, c) => n + c.steps.reduce((k, s) => k + (s.do === 'split' ? s.parts.length : 0), 0), 0)
  );
}

const ACTIONS = {
  remind: remindPetition,
  supervise: (r: PetitionRequest, id: string, b: { version: number; note?: string }) =>
    superviseCase(r, id, { version: b.version, note: b.note! }),
  guide: guidePetition,
  file: filePetition,
  propose: proposePetition,
  withdraw: withdrawPetition,
  close: closePetition,
};

/** A number from a text (FNV-1a), to draw a case's figures the same way every time. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
