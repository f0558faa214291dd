import type { z } from 'zod';
import type { taskStatus } from '../work/index.ts';
import type { attendeesOf, DialogueRow, outcomesOf } from './dialogues.repository.ts';
import type * as s from './dialogues.schemas.ts';

export function presentItem(r: DialogueRow): s.DialogueItem {
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    unitName: r.unit_name,
    projectId: r.project_id,
    projectName: r.project_name,
    heldOn: r.held_on,
    title: r.title,
    place: r.place,
    chairPersonId: r.chair_person_id,
    chairName: r.chair_name,
    attendeeCount: r.attendee_count,
    residentCount: r.resident_count,
    outcomeCount: r.outcome_count,
    taskCount: r.task_count,
    version: r.version,
  };
}

type Attendee = Awaited<ReturnType<typeof attendeesOf>>[number];
type Outcome = Awaited<ReturnType<typeof outcomesOf>>[number];
type TaskStatus = z.infer<typeof taskStatus>;

export function presentDetail(
  r: DialogueRow,
  attendees: Attendee[],
  outcomes: Outcome[],
  manage: boolean,
): s.DialogueDetail {
  return {
    dialogue: {
      ...presentItem(r),
      minutes: r.minutes,
      minutesFileUrl: r.minutes_file_id && r.minutes_file_name ? `/api/dialogues/${r.id}/minutes-file` : null,
      minutesFileName: r.minutes_file_id ? r.minutes_file_name : null,
    },
    attendees: attendees.map((a) => ({
      id: a.id,
      kind: a.kind as 'official' | 'resident',
      personId: a.person_id,
      accountId: a.account_id,
      householdId: a.household_id,
      name: a.name,
      role: a.role,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      position: o.position,
      text: o.text,
      task:
        o.t_id !== null
          ? {
              id: o.t_id,
              number: o.t_number!,
              title: o.t_title!,
              status: o.t_status as TaskStatus,
              leadBodyName: o.t_lead!,
              dueDate: o.t_due,
            }
          : null,
    })),
    permissions: { manage },
  };
}
