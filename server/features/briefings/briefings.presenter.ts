import { formatNumber } from '../../documents/counters.ts';
import type * as repo from './briefings.repository.ts';
import type * as s from './briefings.schemas.ts';

type AttendeeRow = Awaited<ReturnType<typeof repo.attendeesOf>>[number];
type ConclusionRow = Awaited<ReturnType<typeof repo.conclusionsOf>>[number];

export function presentItem(r: repo.BriefingRow): s.BriefingItem {
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    unitName: r.unit_name,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    heldOn: r.held_on,
    title: r.title,
    chairPersonId: r.chair_person_id,
    chairName: r.chair_name,
    conclusionCount: r.conclusion_count,
    linkedCount: r.linked_count,
    notice:
      r.notice_number !== null && r.notice_symbol && r.notice_issued_on
        ? {
            number: r.notice_number,
            symbol: r.notice_symbol,
            label: formatNumber(r.notice_number, r.notice_symbol),
            issuedOn: r.notice_issued_on,
          }
        : null,
    version: r.version,
  };
}

export function presentDetail(
  row: repo.BriefingRow,
  attendees: AttendeeRow[],
  conclusions: ConclusionRow[],
  manage: boolean,
): s.BriefingDetail {
  return {
    briefing: { ...presentItem(row), agenda: row.agenda, minutes: row.minutes },
    attendees: attendees.map((a) => ({
      id: a.id,
      personId: a.person_id,
      name: a.name,
      bodyId: a.body_id,
      bodyName: a.body_name,
    })),
    conclusions: conclusions.map((k) => ({
      id: k.id,
      position: k.position,
      text: k.text,
      task: k.t_id
        ? {
            id: k.t_id,
            number: k.t_number!,
            title: k.t_title!,
            status: k.t_status!,
            leadBodyName: k.t_lead!,
            dueDate: k.t_due,
          }
        : null,
      version: k.version,
    })),
    permissions: { manage },
  };
}
