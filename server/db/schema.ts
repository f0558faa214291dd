import type { ColumnType, Generated } from 'kysely';

/** Table shapes for Kysely. Keep in step with migrations/. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type AccountsTable = {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  is_admin: Generated<boolean>;
  locale: Generated<'vi' | 'en'>;
  must_change_password: Generated<boolean>;
  disabled_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
  person_id: Generated<string | null>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type SessionsTable = {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokensTable = {
  id: Generated<string>;
  account_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  expires_at: string | null;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type LoginThrottleTable = {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: NullableTimestamp;
};

export type LoginFailuresByAddressTable = {
  address: string;
  login_key: string;
  failures: number;
  last_failure_at: Timestamp;
};

export type IdempotencyKeysTable = {
  account_id: string;
  key_hash: Buffer;
  method: string;
  route: string;
  request_hash: Buffer;
  body_hash: Buffer | null;
  request_id: string;
  status: number | null;
  response: Buffer | null;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
  expires_at: Timestamp;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: GeneratedTimestamp;
  actor_account_id: string | null;
  actor_label: string | null;
  request_id: string | null;
  ip: string | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  unit_id: string | null;
  before: unknown | null;
  after: unknown | null;
};

export type UnitKindsTable = { code: string; level: number; name_vi: string; name_en: string; catalogue_type: string | null; sort: number };
export type UnitsTable = { id: Generated<string>; seq: Generated<number>; catalogue_key: string | null; level: number; created_at: GeneratedTimestamp };
export type UnitVersionsTable = {
  id: Generated<string>;
  unit_id: string;
  valid_from: string | null;
  valid_to: string | null;
  code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
  source: string;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};
export type UnitLinksTable = { id: Generated<string>; from_unit_id: string; to_unit_id: string; type: 'full' | 'partial'; link_date: string; source: string; created_at: GeneratedTimestamp };
export type UnitPendingTable = { id: Generated<string>; unit_id: string; reason: 'unlinked_ending' | 'village_placement'; pending_date: string; resolved_at: NullableTimestamp; created_at: GeneratedTimestamp };
export type UnitTreeTable = {
  unit_id: string;
  version_id: string;
  valid_from: string | null;
  valid_to: string | null;
  parent_id: string | null;
  path: string;
  level: number;
  code: string | null;
  name: string;
  name_fold: string;
  kind: string;
};
export type UnitCodeCountersTable = { prefix: string; last_value: number };

export type BodyKindsTable = { code: string; name_vi: string; name_en: string; short_vi: string | null; in_bloc: boolean; sort: number; version: Generated<number>; created_at: GeneratedTimestamp; updated_at: GeneratedTimestamp; deleted_at: NullableTimestamp };
export type BodiesTable = {
  id: Generated<string>;
  unit_id: string;
  kind: string;
  name: string;
  short_name: string | null;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};
export type BodyLinksTable = { id: Generated<string>; from_body_id: string; to_body_id: string; link_date: string; created_at: GeneratedTimestamp };

export type PeopleTable = {
  id: Generated<string>;
  full_name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  photo_file_id: Generated<string | null>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};
export type PositionsTable = {
  id: Generated<string>;
  person_id: string;
  body_id: string;
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  acting: Generated<boolean>;
  concurrent: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type RolesTable = { code: string; name_vi: string; name_en: string; permissions: string[]; sort: number };
export type RoleAssignmentsTable = {
  id: Generated<string>;
  account_id: string;
  role: string;
  unit_id: string;
  body_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type FilesTable = {
  id: Generated<string>;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

type NullableNumeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export type TaskKindsTable = { code: string; name_vi: string; name_en: string; sort: Generated<number>; shown_apart: Generated<boolean>; version: Generated<number>; deleted_at: NullableTimestamp };

export type ProgrammesTable = {
  id: Generated<string>;
  body_id: string;
  year: number;
  title: string;
  description: string | null;
  copied_from_id: string | null;
  task_counter: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type TaskGroupsTable = {
  id: Generated<string>;
  programme_id: string;
  position: number;
  name: string;
  lead_body_id: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type TaskStatus = 'draft' | 'assigned' | 'in_progress' | 'reported_done' | 'accepted' | 'returned' | 'suspended' | 'cancelled';

/** A narrow copy of each task not deleted, for title search (migration 0011; kept by a trigger on tasks). */
export type TaskSearchTable = {
  id: string;
  programme_id: string;
  group_id: string | null;
  number: number;
  title: string;
  title_fold: string;
};

export type TasksTable = {
  id: Generated<string>;
  programme_id: string;
  number: number;
  group_id: string | null;
  parent_id: string | null;
  kind: string;
  title: string;
  title_fold: Generated<string>;
  description: string | null;
  lead_body_id: string;
  unit_id: string;
  responsible_person_id: string | null;
  assignee_account_id: string | null;
  start_date: string | null;
  due_date: string | null;
  original_due_date: string | null;
  target_value: NullableNumeric;
  target_unit: string | null;
  result_value: NullableNumeric;
  priority: Generated<'high' | 'normal' | 'low'>;
  weight: ColumnType<string, string | number | undefined, string | number>;
  status: Generated<TaskStatus>;
  status_reason: string | null;
  reported_progress: Generated<number>;
  reported_done_on: string | null;
  accepted_on: string | null;
  accepted_by: string | null;
  recurrence: 'monthly' | 'quarterly' | null;
  series_id: string | null;
  occurrence: number | null;
  cascaded: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type TaskCooperatorsTable = {
  id: Generated<string>;
  task_id: string;
  body_id: string;
  part: string | null;
  person_id: string | null;
  reported_progress: Generated<number>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type TaskUpdateKind = 'progress' | 'comment' | 'status' | 'extension_requested' | 'extension_granted' | 'extension_refused' | 'edit';

export type TaskUpdatesTable = {
  id: Generated<string>;
  task_id: string;
  kind: TaskUpdateKind;
  cooperator_id: string | null;
  progress: number | null;
  note: string | null;
  from_status: string | null;
  to_status: string | null;
  reported_by_person_id: string | null;
  reported_on: string | null;
  entered_by: string | null;
  created_at: GeneratedTimestamp;
};

export type TaskFilesTable = { id: Generated<string>; task_id: string; update_id: string | null; file_id: string; created_at: GeneratedTimestamp; deleted_at: NullableTimestamp };

export type TaskExtensionsTable = {
  id: Generated<string>;
  task_id: string;
  requested_due_date: string;
  previous_due_date: string | null;
  reason: string;
  requested_by: string | null;
  requested_at: GeneratedTimestamp;
  decision: 'granted' | 'refused' | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  version: Generated<number>;
};

export type BriefingsTable = {
  id: Generated<string>;
  body_id: string;
  programme_id: string | null;
  held_on: string;
  title: string;
  chair_person_id: string | null;
  agenda: string | null;
  minutes: string | null;
  notice_number: number | null;
  notice_symbol: string | null;
  notice_issued_on: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
};

export type BriefingAttendeesTable = { id: Generated<string>; briefing_id: string; person_id: string | null; name: string; body_id: string | null };

export type BriefingConclusionsTable = { id: Generated<string>; briefing_id: string; position: number; text: string; task_id: string | null; version: Generated<number>; deleted_at: NullableTimestamp };

export type DocumentSeriesTable = { code: string; name_vi: string; name_en: string; symbol: string; reset: 'yearly' | 'never'; version: Generated<number> };

export type DocumentCountersTable = { issuer_body_id: string; series: string; period: string; last_number: number };

export type NotificationsTable = {
  id: Generated<string>;
  account_id: string;
  kind: string;
  task_id: string | null;
  day: string;
  title: string;
  body: string | null;
  link: string | null;
  read_at: NullableTimestamp;
  emailed_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
};

export type NotificationSettingsTable = {
  account_id: string;
  due_soon_days: Generated<number>;
  daily_digest: Generated<boolean>;
  email: Generated<boolean>;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
};

export type RetentionRulesTable = {
  kind: string;
  name_vi: string;
  name_en: string;
  table_name: string;
  ended_column: string;
  fields: string[];
  months: number | null;
  sort: Generated<number>;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
};

export type DB = {
  retention_rules: RetentionRulesTable;
  task_kinds: TaskKindsTable;
  programmes: ProgrammesTable;
  task_groups: TaskGroupsTable;
  tasks: TasksTable;
  task_search: TaskSearchTable;
  task_cooperators: TaskCooperatorsTable;
  task_updates: TaskUpdatesTable;
  task_files: TaskFilesTable;
  task_extensions: TaskExtensionsTable;
  briefings: BriefingsTable;
  briefing_attendees: BriefingAttendeesTable;
  briefing_conclusions: BriefingConclusionsTable;
  document_series: DocumentSeriesTable;
  document_counters: DocumentCountersTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  files: FilesTable;
  roles: RolesTable;
  role_assignments: RoleAssignmentsTable;
  people: PeopleTable;
  positions: PositionsTable;
  body_kinds: BodyKindsTable;
  bodies: BodiesTable;
  body_links: BodyLinksTable;
  unit_kinds: UnitKindsTable;
  units: UnitsTable;
  unit_versions: UnitVersionsTable;
  unit_links: UnitLinksTable;
  unit_pending: UnitPendingTable;
  unit_tree: UnitTreeTable;
  unit_code_counters: UnitCodeCountersTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  login_failures_by_address: LoginFailuresByAddressTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
};
