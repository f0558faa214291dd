import dayjs from 'dayjs';
import type { z } from 'zod';
import { invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type * as s from './task.schemas.ts';

/** A body usable on a date: exists, not deleted, in force (or not yet ended) then. */
export function usableBody<B extends { valid_to: string | null }>(b: B | undefined, field: string, date: string): B {
  if (!b) throw referenceRefused(field);
  if (b.valid_to && b.valid_to <= date) throw invalid(field, 'validation.bodyEnded');
  return b;
}

/** A due date is not before the start date. */
export function checkDates(start: string | null | undefined, due: string | null | undefined) {
  if (start && due && due < start) throw invalid('dueDate', 'validation.dueBeforeStart');
}

export type CooperatorInput = z.infer<typeof s.cooperatorInput>;

/** The rules of a list of cooperating bodies, in the order given, on bodies and people already read. */
export function checkCooperatorList(
  leadBodyId: string,
  list: readonly CooperatorInput[],
  bodies: ReadonlyMap<string, { valid_to: string | null }>,
  people: ReadonlySet<string>,
  date: string,
) {
  const seen = new Set<string>();
  for (const [i, c] of list.entries()) {
    if (c.bodyId === leadBodyId) throw invalid(`cooperators.${i}.bodyId`, 'validation.cooperatorIsLead');
    if (seen.has(c.bodyId)) throw invalid(`cooperators.${i}.bodyId`, 'validation.cooperatorTwice');
    seen.add(c.bodyId);
    usableBody(bodies.get(c.bodyId), `cooperators.${i}.bodyId`, date);
    if (c.personId && !people.has(c.personId)) throw referenceRefused(`cooperators.${i}.personId`);
  }
}

/** The next period of a recurring task after one due on `due`: it starts the day after and is due on the same day
 * `months` later, clamped to the month's end. */
export function nextPeriod(recurrence: 'monthly' | 'quarterly', due: string): { start: string; due: string } {
  const d = dayjs(due);
  return {
    start: d.add(1, 'day').format('YYYY-MM-DD'),
    due: d.add(recurrence === 'monthly' ? 1 : 3, 'month').format('YYYY-MM-DD'),
  };
}
