import { sql, type RawBuilder } from 'kysely';

/** What names an entry's record, by kind of record: the values its label is written from (audit.record.<table> in
 * server/i18n). Names only, never a personal detail (phone, e-mail, birth date, address). A reporting period comes
 * as its id, `period_id`, named by the service. */
export type LabelParams = Record<string, string | number | null>;

// The SQL below reads the audit entry as `l` (its table_name, record_id, action, before and after).

/** A record's id as a uuid, or null for an id that is not one (a code, or nothing). */
const RID = sql`case when l.record_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then l.record_id::uuid end`;

/** The record as it is now, only the columns its label uses, under their own names (the shape of the row the
 * trigger stored, so either reads the same). Soft-deleted records are still there; tables without an id or code
 * (document counters, notification settings, retention rules) are named from the entry's stored values. */
const CURRENT = sql`case l.table_name
  when 'accounts' then (select jsonb_build_object('username', x.username, 'display_name', x.display_name) from accounts x where x.id = k.rid)
  when 'api_tokens' then (select jsonb_build_object('name', x.name, 'account_id', x.account_id) from api_tokens x where x.id = k.rid)
  when 'unit_versions' then (select jsonb_build_object('name', x.name) from unit_versions x where x.id = k.rid)
  when 'unit_links' then (select jsonb_build_object('from_unit_id', x.from_unit_id, 'to_unit_id', x.to_unit_id, 'link_date', x.link_date) from unit_links x where x.id = k.rid)
  when 'bodies' then (select jsonb_build_object('name', x.name) from bodies x where x.id = k.rid)
  when 'body_kinds' then (select jsonb_build_object('name_vi', x.name_vi, 'name_en', x.name_en) from body_kinds x where x.code = l.record_id)
  when 'people' then (select jsonb_build_object('full_name', x.full_name) from people x where x.id = k.rid)
  when 'positions' then (select jsonb_build_object('title', x.title, 'person_id', x.person_id, 'body_id', x.body_id) from positions x where x.id = k.rid)
  when 'role_assignments' then (select jsonb_build_object('role', x.role, 'account_id', x.account_id, 'unit_id', x.unit_id) from role_assignments x where x.id = k.rid)
  when 'programmes' then (select jsonb_build_object('year', x.year, 'body_id', x.body_id) from programmes x where x.id = k.rid)
  when 'task_groups' then (select jsonb_build_object('name', x.name, 'programme_id', x.programme_id) from task_groups x where x.id = k.rid)
  when 'tasks' then (select jsonb_build_object('number', x.number, 'title', x.title) from tasks x where x.id = k.rid)
  when 'task_cooperators' then (select jsonb_build_object('task_id', x.task_id, 'body_id', x.body_id) from task_cooperators x where x.id = k.rid)
  when 'task_extensions' then (select jsonb_build_object('task_id', x.task_id, 'requested_due_date', x.requested_due_date) from task_extensions x where x.id = k.rid)
  when 'task_updates' then (select jsonb_build_object('task_id', x.task_id) from task_updates x where x.id = k.rid)
  when 'task_files' then (select jsonb_build_object('task_id', x.task_id, 'file_id', x.file_id) from task_files x where x.id = k.rid)
  when 'files' then (select jsonb_build_object('filename', x.filename) from files x where x.id = k.rid)
  when 'briefings' then (select jsonb_build_object('held_on', x.held_on, 'body_id', x.body_id) from briefings x where x.id = k.rid)
  when 'briefing_conclusions' then (select jsonb_build_object('position', x.position, 'briefing_id', x.briefing_id) from briefing_conclusions x where x.id = k.rid)
  when 'briefing_attendees' then (select jsonb_build_object('name', x.name, 'briefing_id', x.briefing_id) from briefing_attendees x where x.id = k.rid)
  when 'body_links' then (select jsonb_build_object('from_body_id', x.from_body_id, 'to_body_id', x.to_body_id) from body_links x where x.id = k.rid)
  when 'task_kinds' then (select jsonb_build_object('name_vi', x.name_vi, 'name_en', x.name_en) from task_kinds x where x.code = l.record_id)
  when 'document_series' then (select jsonb_build_object('name_vi', x.name_vi, 'name_en', x.name_en) from document_series x where x.code = l.record_id)
  when 'indicators' then (select jsonb_build_object('code', x.code, 'name', x.name) from indicators x where x.id = k.rid)
  when 'report_forms' then (select jsonb_build_object('code', x.code, 'name', x.name) from report_forms x where x.id = k.rid)
  when 'report_form_versions' then (select jsonb_build_object('form_id', x.form_id, 'valid_from', x.valid_from) from report_form_versions x where x.id = k.rid)
  when 'report_rules' then (select jsonb_build_object('indicator_id', x.indicator_id) from report_rules x where x.id = k.rid)
  when 'report_submissions' then (select jsonb_build_object('period_id', x.period_id, 'unit_id', x.unit_id, 'body_id', x.body_id) from report_submissions x where x.id = k.rid)
  when 'report_values' then (select jsonb_build_object('period_id', x.period_id, 'unit_id', x.unit_id, 'body_id', x.body_id) from report_submissions x where x.id = k.rid)
  when 'report_targets' then (select jsonb_build_object('indicator_id', x.indicator_id, 'node_kind', x.node_kind, 'node_id', x.node_id, 'period_id', x.period_id) from report_targets x where x.id = k.rid)
  when 'report_reopenings' then (select jsonb_build_object('form_id', x.form_id, 'period_id', x.period_id) from report_reopenings x where x.id = k.rid)
end`;

/** The values the entry stored, when it stored the row (a change, not an event's details such as a sign-in's login). */
const STORED = sql`case when l.action in ('create', 'update', 'delete', 'restore', 'purge') then coalesce(l.after, l.before) end`;

const key = (name: string) => sql`(r.d ->> ${sql.lit(name)})`;
const id = (name: string) => sql`${key(name)}::uuid`;
const day = (name: string) => sql`to_char(${key(name)}::date, 'DD/MM/YYYY')`;

const accountName = (ref: string) => sql`(select a.username from accounts a where a.id = ${id(ref)})`;
const bodyName = (ref: RawBuilder<unknown>) => sql`(select b.name from bodies b where b.id = ${ref})`;
const personName = (ref: string) => sql`(select p.full_name from people p where p.id = ${id(ref)})`;
/** A unit's latest name (the version in force, or the last one of a unit that ended). */
const unitName = (ref: string) =>
  sql`(select v.name from unit_versions v where v.unit_id = ${id(ref)} and v.deleted_at is null order by v.valid_to desc nulls first limit 1)`;
const taskNumber = (ref: string) => sql`(select t.number from tasks t where t.id = ${id(ref)})`;
const taskTitle = (ref: string) => sql`(select t.title from tasks t where t.id = ${id(ref)})`;
const briefingDay = (ref: string) =>
  sql`(select to_char(b.held_on, 'DD/MM/YYYY') from briefings b where b.id = ${id(ref)})`;
const programmeOf = (ref: string, column: 'year' | 'body_id') =>
  sql`(select p.${sql.ref(column)} from programmes p where p.id = ${id(ref)})`;
const indicatorOf = (ref: string, column: 'code' | 'name') =>
  sql`(select i.${sql.ref(column)} from indicators i where i.id = ${id(ref)})`;
const formOf = (ref: RawBuilder<unknown>, column: 'code' | 'name') =>
  sql`(select f.${sql.ref(column)} from report_forms f where f.id = ${ref})`;
const versionForm = sql`(select v.form_id from report_form_versions v where v.id = ${id('form_version_id')})`;
/** Who made a report: its body, or for a unit's report its unit. */
const reporterName = sql`coalesce(${bodyName(id('body_id'))}, ${unitName('unit_id')})`;
/** A target's unit or body. */
const nodeName = sql`case ${key('node_kind')} when 'body' then ${bodyName(id('node_id'))} else ${unitName('node_id')} end`;

/** The label's values from the record `r.d`, its names looked up where it holds only ids. */
const PARAMS = sql`case l.table_name
  when 'accounts' then jsonb_build_object('username', ${key('username')}, 'name', ${key('display_name')})
  when 'api_tokens' then jsonb_build_object('name', ${key('name')}, 'account', ${accountName('account_id')})
  when 'unit_versions' then jsonb_build_object('name', ${key('name')})
  when 'unit_links' then jsonb_build_object('from', ${unitName('from_unit_id')}, 'to', ${unitName('to_unit_id')}, 'date', ${day('link_date')})
  when 'bodies' then jsonb_build_object('name', ${key('name')})
  when 'body_kinds' then jsonb_build_object('name_vi', ${key('name_vi')}, 'name_en', ${key('name_en')})
  when 'people' then jsonb_build_object('name', ${key('full_name')})
  when 'positions' then jsonb_build_object('title', ${key('title')}, 'person', ${personName('person_id')}, 'body', ${bodyName(id('body_id'))})
  when 'role_assignments' then jsonb_build_object(
    'role_vi', (select o.name_vi from roles o where o.code = ${key('role')}),
    'role_en', (select o.name_en from roles o where o.code = ${key('role')}),
    'account', ${accountName('account_id')}, 'unit', ${unitName('unit_id')})
  when 'programmes' then jsonb_build_object('year', ${key('year')}, 'body', ${bodyName(id('body_id'))})
  when 'task_groups' then jsonb_build_object('name', ${key('name')}, 'year', ${programmeOf('programme_id', 'year')}, 'body', ${bodyName(programmeOf('programme_id', 'body_id'))})
  when 'tasks' then jsonb_build_object('number', ${key('number')}, 'title', ${key('title')})
  when 'task_cooperators' then jsonb_build_object('body', ${bodyName(id('body_id'))}, 'number', ${taskNumber('task_id')}, 'title', ${taskTitle('task_id')})
  when 'task_extensions' then jsonb_build_object('number', ${taskNumber('task_id')}, 'date', ${day('requested_due_date')})
  when 'task_updates' then jsonb_build_object('number', ${taskNumber('task_id')}, 'title', ${taskTitle('task_id')})
  when 'task_files' then jsonb_build_object('filename', (select f.filename from files f where f.id = ${id('file_id')}), 'number', ${taskNumber('task_id')})
  when 'files' then jsonb_build_object('filename', ${key('filename')})
  when 'briefings' then jsonb_build_object('date', ${day('held_on')}, 'body', ${bodyName(id('body_id'))})
  when 'briefing_conclusions' then jsonb_build_object('position', ${key('position')}, 'date', ${briefingDay('briefing_id')})
  when 'briefing_attendees' then jsonb_build_object('name', ${key('name')}, 'date', ${briefingDay('briefing_id')})
  when 'retention_rules' then jsonb_build_object('name_vi', ${key('name_vi')}, 'name_en', ${key('name_en')})
  when 'body_links' then jsonb_build_object('from', ${bodyName(id('from_body_id'))}, 'to', ${bodyName(id('to_body_id'))})
  when 'task_kinds' then jsonb_build_object('name_vi', ${key('name_vi')}, 'name_en', ${key('name_en')})
  when 'document_series' then jsonb_build_object('name_vi', ${key('name_vi')}, 'name_en', ${key('name_en')})
  when 'document_counters' then jsonb_build_object(
    'series_vi', (select s.name_vi from document_series s where s.code = ${key('series')}),
    'series_en', (select s.name_en from document_series s where s.code = ${key('series')}),
    'body', ${bodyName(id('issuer_body_id'))}, 'period', ${key('period')})
  when 'notification_settings' then jsonb_build_object('account', ${accountName('account_id')})
  when 'indicators' then jsonb_build_object('code', ${key('code')}, 'name', ${key('name')})
  when 'report_forms' then jsonb_build_object('code', ${key('code')}, 'name', ${key('name')})
  when 'report_form_versions' then jsonb_build_object(
    'code', ${formOf(id('form_id'), 'code')}, 'name', ${formOf(id('form_id'), 'name')},
    'since_vi', coalesce('từ ' || ${day('valid_from')}, 'từ đầu'),
    'since_en', coalesce('from ' || ${day('valid_from')}, 'from the start'))
  when 'report_form_indicators' then jsonb_build_object(
    'code', ${indicatorOf('indicator_id', 'code')}, 'name', ${indicatorOf('indicator_id', 'name')},
    'form', ${formOf(versionForm, 'code')})
  when 'report_rules' then jsonb_build_object('code', ${indicatorOf('indicator_id', 'code')}, 'name', ${indicatorOf('indicator_id', 'name')})
  when 'report_submissions' then jsonb_build_object('period_id', ${key('period_id')}, 'reporter', ${reporterName})
  when 'report_values' then jsonb_build_object('period_id', ${key('period_id')}, 'reporter', ${reporterName})
  when 'report_targets' then jsonb_build_object(
    'code', ${indicatorOf('indicator_id', 'code')}, 'node', ${nodeName}, 'period_id', ${key('period_id')})
  when 'report_reopenings' then jsonb_build_object(
    'period_id', ${key('period_id')}, 'code', ${formOf(id('form_id'), 'code')}, 'name', ${formOf(id('form_id'), 'name')})
end`;

/** An audit entry's record label values (null when the entry names no record the log can name): from the record as
 * it is now, or, once it is gone, from the row the entry stored. A few lookups by primary key per entry, run only
 * for the entries of the page. */
// `offset 0` keeps the record's values a subquery computed once: pulled up, PostgreSQL wrote the whole lookup into
// every `r.d` the labels read, and planning one page took seconds.
export const recordLabelParams = sql<LabelParams | null>`(
  select ${PARAMS}
  from (select coalesce(${CURRENT}, ${STORED}) as d from (select ${RID} as rid) k offset 0) r
  where r.d is not null
)`;
