/** The log's actions and the kinds of record it names (a module of its own, without the browser's API, so that a
 * test can hold it to the audited tables of the database). */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'purge',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'view_personal',
  'sign_in_refused_disabled',
  'erase',
] as const;

export const AUDIT_TABLES = ['accounts', 'api_tokens', 'unit_versions', 'unit_links', 'bodies', 'body_kinds', 'people', 'positions', 'role_assignments', 'programmes', 'task_groups', 'tasks', 'task_cooperators', 'task_extensions', 'briefings', 'briefing_conclusions', 'retention_rules', 'body_links', 'task_kinds', 'task_updates', 'task_files', 'files', 'briefing_attendees', 'document_series', 'document_counters', 'notification_settings'] as const;
