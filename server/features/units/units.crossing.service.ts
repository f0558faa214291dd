/**
 * Walking across a change of the unit tree (the 2025-07-01 reform above all): what a unit became, what it came
 * from, and where a unit read on one date stands on another. One mapping of old units to new ones, which links of
 * every kind (`full`, `partial` and the continuation `same`) follow alike; a reporting module maps through here.
 */
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import * as repo from './units.repository.ts';

type Q = Database | Trx;
type TreeRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

/** A unit on the other side of a change. */
export type Counterpart = {
  id: string;
  code: string | null;
  name: string;
  type: repo.LinkType;
  /** The day of the change: a successor's first day (the first day without the unit), or the unit's first day. */
  date: string;
  /** The unit's children the change went through, when the unit has no links of its own (an abolished district's
   * communes); empty for the unit's own links. */
  through: { code: string | null; name: string }[];
};

/** Units of these levels may end or begin without links of their own, their children carrying the change: the
 * districts abolished on 1/7/2025 (their communes are linked). A commune's villages are never its successors. */
const CARRIED_BY_CHILDREN_UP_TO_LEVEL = 2;

const collator = new Intl.Collator('vi');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/** The day before a date (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** What the version of a unit in force on `day` became when it ended: its successors on the day it ended (empty
 * while it is in force). `same` when the unit itself goes on (a new name, kind or parent), `full` and `partial`
 * from the links; a district without links of its own gives the successors of its communes. */
export async function successorsOf(q: Q, unitId: string, day: string): Promise<Counterpart[]> {
  const u = await repo.findById(q, unitId, day);
  if (!u?.valid_to) return [];
  return across(q, u, 'to', u.valid_to);
}

/** What the version of a unit in force on `day` came from when it began: its sources, each as it stood the day
 * before (empty for a version in force since before the records began). The mirror of `successorsOf`. */
export async function sourcesOf(q: Q, unitId: string, day: string): Promise<Counterpart[]> {
  const u = await repo.findById(q, unitId, day);
  if (!u?.valid_from) return [];
  return across(q, u, 'from', u.valid_from);
}

/**
 * sourcesOf for many units, each on its own day, in four statements whatever their number (a national pivot steps
 * back across the reform for every province at once). Keyed `${id}@${day}`; a unit without sources is absent.
 */
export async function sourcesOfMany(
  q: Q,
  units: readonly { id: string; day: string }[],
): Promise<Map<string, Counterpart[]>> {
  const versions = (await repo.versionsOn(q, units)).filter((u) => u.valid_from !== null);
  const key = (u: { unit_id: string; day: string }) => `${u.unit_id}@${u.day}`;
  const atChange = (date: string) => (l: repo.LinkRow) => l.direction === 'from' && l.link_date === date;
  const links = await repo.linksOf(q, [...new Set(versions.map((u) => u.unit_id))]);
  const own = new Map(
    versions.map((u) => [key(u), links.filter((l) => l.unit_id === u.unit_id && atChange(u.valid_from!)(l))]),
  );
  const carried = versions.filter((u) => own.get(key(u))!.length === 0 && u.level <= CARRIED_BY_CHILDREN_UP_TO_LEVEL);
  const kids = await repo.childrenOn(
    q,
    carried.map((u) => ({ id: u.unit_id, day: u.valid_from! })),
  );
  const kidLinks = await repo.linksOf(q, [...new Set(kids.map((k) => k.unit_id))]);
  const out = new Map<string, Counterpart[]>();
  for (const u of versions) {
    const date = u.valid_from!;
    const mine = kids.filter((k) => k.parent_id === u.unit_id && k.day === date);
    const ids = new Set(mine.map((k) => k.unit_id));
    const rows = kidLinks.filter((l) => ids.has(l.unit_id) && atChange(date)(l));
    out.set(key(u), counterparts(u, own.get(key(u))!, mine, rows, date));
  }
  return out;
}

async function across(q: Q, u: TreeRow, direction: 'from' | 'to', date: string): Promise<Counterpart[]> {
  const atChange = (l: repo.LinkRow) => l.direction === direction && l.link_date === date;
  const own = (await repo.links(q, u.unit_id)).filter(atChange);
  if (own.length > 0 || u.level > CARRIED_BY_CHILDREN_UP_TO_LEVEL) return counterparts(u, own, [], [], date);
  // The children in force on the unit's last day (or its first), and where each of them went (or came from).
  const kids = await repo.children(q, u.unit_id, direction === 'to' ? dayBefore(date) : date);
  const rows = (
    await repo.linksOf(
      q,
      kids.map((k) => k.unit_id),
    )
  ).filter(atChange);
  return counterparts(u, own, kids, rows, date);
}

/** The other side of a change from a unit's own links at it, or, a unit of the upper levels without any, from its
 * children's links at it (`rows`). */
function counterparts(
  u: { level: number },
  own: repo.LinkRow[],
  kids: readonly { unit_id: string; code: string | null; name: string }[],
  rows: repo.LinkRow[],
  date: string,
): Counterpart[] {
  if (own.length > 0 || u.level > CARRIED_BY_CHILDREN_UP_TO_LEVEL) {
    return own
      .map((l) => ({ id: l.other_id, code: l.code, name: l.name, type: l.type, date, through: [] }))
      .sort(byName);
  }
  const byOther = new Map<string, { link: repo.LinkRow; kids: Set<string> }>();
  for (const l of rows) {
    const entry = byOther.get(l.other_id) ?? { link: l, kids: new Set<string>() };
    entry.kids.add(l.unit_id);
    byOther.set(l.other_id, entry);
  }
  // Whole only when every child went wholly into one unit; otherwise each took a part of this one.
  const whole =
    byOther.size === 1 &&
    kids.every((k) => rows.some((l) => l.unit_id === k.unit_id)) &&
    rows.every((l) => l.type !== 'partial');
  return [...byOther.values()]
    .map(({ link, kids: through }) => ({
      id: link.other_id,
      code: link.code,
      name: link.name,
      type: whole ? ('full' as const) : ('partial' as const),
      date,
      through: kids.filter((k) => through.has(k.unit_id)).map((k) => ({ code: k.code, name: k.name })),
    }))
    .sort(byName);
}

/** Where the unit in force on `from` stands on another date `to`. */
export type Crossing = {
  /** The same unit on `to` (perhaps under another name or parent), when it is in force then. */
  self: TreeRow | null;
  direction: 'successors' | 'sources' | null;
  /** successors: the first day without the unit; sources: its first day. */
  changed: string | null;
  /** Otherwise the units in force on `to` it became (a later date) or came from (an earlier one), followed step by
   * step through every change in between; empty when the trail ends (a unit ended with no successor known). */
  units: TreeRow[];
};

const MAX_STEPS = 50;

export async function crossTo(q: Q, unitId: string, from: string, to: string): Promise<Crossing> {
  const self = await repo.findById(q, unitId, to);
  if (self || from === to) return { self: self ?? null, direction: null, changed: null, units: [] };
  const forward = to > from;
  const versions = await repo.history(q, unitId);
  const changed = forward ? (versions.at(-1)?.valid_to ?? null) : (versions[0]?.valid_from ?? null);
  const found = new Map<string, TreeRow>();
  // Units still to follow, each with a day it is in force on.
  let frontier = new Map<string, string>([[unitId, from]]);
  const visited = new Set<string>();
  for (let step = 0; frontier.size > 0 && step < MAX_STEPS; step++) {
    const next = new Map<string, string>();
    for (const [id, day] of frontier) {
      const key = `${id}@${day}`;
      if (visited.has(key) || found.has(id)) continue;
      visited.add(key);
      const there = step === 0 ? undefined : await repo.findById(q, id, to);
      if (there) {
        found.set(id, there);
        continue;
      }
      const counterparts = forward ? await successorsOf(q, id, day) : await sourcesOf(q, id, day);
      for (const c of counterparts) next.set(c.id, forward ? c.date : dayBefore(c.date));
    }
    frontier = next;
  }
  return {
    self: null,
    direction: forward ? 'successors' : 'sources',
    changed,
    units: [...found.values()].sort(byName),
  };
}
