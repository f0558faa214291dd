import type { ColumnType, Generated, InsertType, SelectType, UpdateType } from 'kysely';
import type * as G from './schema.generated.ts';

/** Table shapes for Kysely: the generated ones (schema.generated.ts, `npm run db:types`, read from the migrated
 * database), with what the database cannot say refined here: the values a CHECK constraint allows, JSON shapes. */

type Nullable<T> = null extends T ? true : false;
/** Kysely leaves a column out of an insert when its insert type takes undefined or null. */
type Optional<T> = undefined extends InsertType<T> ? true : Nullable<InsertType<T>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `Ref` if it narrows the generated column `Gen` (reads, inserts and updates a subset of its values, and is null and
 * optional on insert exactly when the column is), else never: a migration that drops a refined column, makes it
 * nullable, changes its type or removes its default then fails the type check here. */
type Narrows<Gen, Ref> = [SelectType<Ref>, InsertType<Ref>, UpdateType<Ref>] extends [
  SelectType<Gen>,
  InsertType<Gen>,
  UpdateType<Gen>,
]
  ? Same<Nullable<SelectType<Ref>>, Nullable<SelectType<Gen>>> extends true
    ? Same<Optional<Ref>, Optional<Gen>> extends true
      ? Ref
      : never
    : never
  : never;

/** The generated table `T` with the columns of `R` narrowed (an unknown or incompatible column fails on R). */
export type Refine<T, R extends { [K in keyof R]: K extends keyof T ? Narrows<T[K], R[K]> : never }> = {
  [K in keyof T]: K extends keyof R ? R[K] : T[K];
};

export type TaskStatus =
  'draft' | 'assigned' | 'in_progress' | 'reported_done' | 'accepted' | 'returned' | 'suspended' | 'cancelled';
export type TaskUpdateKind =
  'progress' | 'comment' | 'status' | 'extension_requested' | 'extension_granted' | 'extension_refused' | 'edit';

/** A row as the audit trigger saw it (`to_jsonb(row)` less the skipped columns), or an event's details. Written as
 * JSON text: node-postgres would send a JS array as a PostgreSQL array, not as JSON. */
type AuditValues = ColumnType<G.JsonObject | null, string | null, string | null>;

export type AccountsTable = Refine<G.Accounts, { locale: Generated<'vi' | 'en'> }>;
export type AuditLogTable = Refine<G.AuditLog, { before: AuditValues; after: AuditValues }>;
export type UnitLinksTable = Refine<G.UnitLinks, { type: 'full' | 'partial' }>;
export type UnitPendingTable = Refine<G.UnitPending, { reason: 'unlinked_ending' | 'village_placement' }>;
export type PeopleTable = Refine<G.People, { gender: 'male' | 'female' | null }>;
export type TasksTable = Refine<
  G.Tasks,
  {
    priority: Generated<'high' | 'normal' | 'low'>;
    status: Generated<TaskStatus>;
    recurrence: 'monthly' | 'quarterly' | null;
  }
>;
export type TaskUpdatesTable = Refine<G.TaskUpdates, { kind: TaskUpdateKind }>;
export type TaskExtensionsTable = Refine<G.TaskExtensions, { decision: 'granted' | 'refused' | null }>;
export type DocumentSeriesTable = Refine<G.DocumentSeries, { reset: 'yearly' | 'never' }>;

export type SessionsTable = G.Sessions;
export type ApiTokensTable = G.ApiTokens;
export type LoginThrottleTable = G.LoginThrottle;
export type LoginFailuresByAddressTable = G.LoginFailuresByAddress;
export type IdempotencyKeysTable = G.IdempotencyKeys;
export type UnitKindsTable = G.UnitKinds;
export type UnitsTable = G.Units;
export type UnitVersionsTable = G.UnitVersions;
export type UnitTreeTable = G.UnitTree;
export type UnitCodeCountersTable = G.UnitCodeCounters;
export type BodyKindsTable = G.BodyKinds;
export type BodiesTable = G.Bodies;
export type BodyLinksTable = G.BodyLinks;
export type PositionsTable = G.Positions;
export type RolesTable = G.Roles;
export type RoleAssignmentsTable = G.RoleAssignments;
export type FilesTable = G.Files;
export type TaskKindsTable = G.TaskKinds;
export type ProgrammesTable = G.Programmes;
export type TaskGroupsTable = G.TaskGroups;
/** A narrow copy of each task not deleted, for title search (kept by a trigger on tasks). */
export type TaskSearchTable = G.TaskSearch;
export type TaskCooperatorsTable = G.TaskCooperators;
export type TaskFilesTable = G.TaskFiles;
export type BriefingsTable = G.Briefings;
export type BriefingAttendeesTable = G.BriefingAttendees;
export type BriefingConclusionsTable = G.BriefingConclusions;
export type DocumentCountersTable = G.DocumentCounters;
export type NotificationsTable = G.Notifications;
export type NotificationSettingsTable = G.NotificationSettings;
export type RetentionRulesTable = G.RetentionRules;

type Refined = {
  accounts: AccountsTable;
  audit_log: AuditLogTable;
  unit_links: UnitLinksTable;
  unit_pending: UnitPendingTable;
  people: PeopleTable;
  tasks: TasksTable;
  task_updates: TaskUpdatesTable;
  task_extensions: TaskExtensionsTable;
  document_series: DocumentSeriesTable;
};

/** Every table of the migrated database; new tables come in with `npm run db:types`. */
export type DB = { [K in keyof G.DB]: K extends keyof Refined ? Refined[K] : G.DB[K] };
