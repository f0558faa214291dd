import type { HouseholdRow, ProjectRow, VisitRow } from './clearance.repository.ts';
import {
  emptyCounts,
  expectedPercent,
  householdsCounted,
  percent,
  scheduleStatus,
  type ConsentStatus,
} from './clearance.rules.ts';
import type * as s from './clearance.schemas.ts';

/** A project as lists show it, with the summary a leader reads at a glance, as of `today`. */
export function presentProject(
  r: ProjectRow,
  today: string,
  openPetitions: number,
): s.ProjectItem & { description: string | null; taskId: string | null } {
  const counts = { ...emptyCounts(), ...mapCounts(r.counts) };
  const registered = counts.not_agreed + counts.mobilising + counts.agreed + counts.handed_over;
  const households = householdsCounted(r.household_total, registered);
  const consented = counts.agreed + counts.handed_over;
  const schedule = {
    startDate: r.start_date,
    plannedCompletionDate: r.planned_completion_date,
    completedOn: r.completed_on,
    milestones: r.milestone_points,
  };
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    investor: r.investor,
    description: r.description,
    bodyId: r.body_id,
    bodyName: r.body_name,
    unitName: r.unit_name,
    startDate: r.start_date,
    plannedCompletionDate: r.planned_completion_date,
    completedOn: r.completed_on,
    householdTotal: r.household_total,
    taskId: r.task_id,
    summary: {
      households,
      registered,
      counts,
      consented,
      consentPercent: percent(consented, households),
      handedOverPercent: percent(counts.handed_over, households),
      expectedPercent: expectedPercent(schedule, today),
      status: scheduleStatus(schedule, counts, households, today),
      visitsLast30Days: r.visits_30,
      dialogues: r.dialogue_count,
      openPetitions,
    },
    version: r.version,
  };
}

/** json_build_object gives counts as numbers; keep only the four statuses. */
function mapCounts(c: Record<string, number> | null) {
  const out = emptyCounts();
  for (const k of Object.keys(out) as ConsentStatus[]) out[k] = Number(c?.[k] ?? 0);
  return out;
}

/** A household: its identity (name, address, land area) only where the caller may see it. */
export function presentHousehold(r: HouseholdRow) {
  const shown = Boolean(r.identity_shown);
  return {
    id: r.id,
    number: r.number,
    identityShown: shown,
    headName: shown ? r.head_name : null,
    address: shown ? r.address : null,
    landArea: shown && r.land_area !== null ? Number(r.land_area) : null,
    unitId: r.unit_id,
    unitName: r.unit_name,
    note: r.note,
    status: r.status as ConsentStatus,
    statusOn: r.status_on,
    visits: r.visits,
    lastVisitOn: r.last_visit_on,
    version: r.version,
  };
}

export function presentVisit(r: VisitRow, photoUrl: (id: string) => string) {
  return {
    id: r.id,
    householdId: r.household_id,
    householdNumber: r.household_number,
    headName: r.identity_shown ? r.head_name : null,
    visitedOn: r.visited_on,
    outcome: r.outcome,
    members: r.members,
    photoUrl: r.photo_file_id && r.identity_shown ? photoUrl(r.id) : null,
    newStatus: (r.new_status as ConsentStatus | null) ?? null,
    recordedBy: r.recorded_by,
  };
}

export const visitPhotoUrl = (visitId: string) => `/api/key-visits/${visitId}/photo`;

export function presentConsent(r: {
  id: string;
  status: string;
  on_date: string;
  note: string | null;
  visit_id: string | null;
  recorded_by: string | null;
  created_at: string | Date;
}) {
  return {
    id: r.id,
    status: r.status as ConsentStatus,
    onDate: r.on_date,
    note: r.note,
    visitId: r.visit_id,
    recordedBy: r.recorded_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
