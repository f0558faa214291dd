import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { WorkCalendar, type HolidayDefinition } from './legal-deadlines.rules.ts';
import * as repo from './legal-deadlines.repository.ts';

type Q = Database | Trx;

/** Computed calendars by their stamp (legal_calendar_state): the calendar changes a few times a year, and a deadline
 * is computed on every petition step. A stamp names one content of the three calendar tables, so a calendar found
 * here is current for whoever read that stamp; the last few are kept for transactions still on an older snapshot. */
const calendars = new Map<string, WorkCalendar>();
const KEEP = 4;

function remember(stamp: string, calendar: WorkCalendar) {
  calendars.delete(stamp);
  calendars.set(stamp, calendar);
  while (calendars.size > KEEP) calendars.delete(calendars.keys().next().value!);
}

/** The working calendar as `q` sees it; `stamp`, when the caller already read it, saves the look-up. */
export async function workCalendar(q: Q, stamp?: string): Promise<WorkCalendar> {
  const known = calendars.get(stamp ?? (await repo.calendarStamp(q)));
  if (known) return known;
  const data = await repo.calendarData(q);
  const definitions: HolidayDefinition[] = data.definitions.map((d) => ({
    code: d.code,
    name: d.name,
    calendar: d.calendar === 'lunar' ? 'lunar' : 'solar',
    month: d.month,
    day: d.day,
    firstOffset: d.first_offset,
    days: d.days,
    placement: d.placement === 'adjacent' ? 'adjacent' : 'fixed',
    validFrom: d.valid_from,
    validTo: d.valid_to,
  }));
  const calendar = new WorkCalendar(
    definitions,
    data.adjustments.map((a) => ({ date: a.day, kind: a.kind === 'work' ? 'work' : 'off', note: a.note })),
    data.confirmedYears,
  );
  remember(data.stamp, calendar);
  return calendar;
}
