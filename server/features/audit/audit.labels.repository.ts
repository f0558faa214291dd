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
  when 'files' then (select jsonb_build_object('filename', case when exists (select 1 from petition_attachments a where a.file_id = x.id)
      or exists (select 1 from public_uploads u where u.file_id = x.id) then '(ẩn)' else x.filename end) from files x where x.id = k.rid)
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
  when 'legal_deadline_rules' then (select jsonb_build_object('code', x.code, 'name', x.name) from legal_deadline_rules x where x.id = k.rid)
  when 'legal_deadline_versions' then (select jsonb_build_object('rule_id', x.rule_id, 'number', x.number) from legal_deadline_versions x where x.id = k.rid)
  when 'legal_deadline_variants' then (select jsonb_build_object('version_id', x.version_id, 'code', x.code) from legal_deadline_variants x where x.id = k.rid)
  when 'legal_deadline_combinations' then (select jsonb_build_object('version_id', x.version_id, 'variants', x.variants) from legal_deadline_combinations x where x.id = k.rid)
  when 'public_holidays' then (select jsonb_build_object('name', x.name) from public_holidays x where x.id = k.rid)
  when 'holiday_years' then (select jsonb_build_object('year', x.year) from holiday_years x where x.id = k.rid)
  when 'holiday_adjustments' then (select jsonb_build_object('day', x.day) from holiday_adjustments x where x.id = k.rid)
  when 'key_projects' then (select jsonb_build_object('code', x.code, 'name', x.name) from key_projects x where x.id = k.rid)
  when 'key_project_milestones' then (select jsonb_build_object('project_id', x.project_id, 'title', x.title, 'due_on', x.due_on) from key_project_milestones x where x.id = k.rid)
  when 'key_households' then (select jsonb_build_object('project_id', x.project_id, 'number', x.number) from key_households x where x.id = k.rid)
  when 'key_visits' then (select jsonb_build_object('household_id', x.household_id, 'visited_on', x.visited_on) from key_visits x where x.id = k.rid)
  when 'key_visit_members' then (select jsonb_build_object('visit_id', x.visit_id, 'name', x.name) from key_visit_members x where x.id = k.rid)
  when 'key_consents' then (select jsonb_build_object('household_id', x.household_id, 'status', x.status, 'on_date', x.on_date) from key_consents x where x.id = k.rid)
  when 'dialogues' then (select jsonb_build_object('held_on', x.held_on, 'title', x.title) from dialogues x where x.id = k.rid)
  when 'dialogue_attendees' then (select jsonb_build_object('dialogue_id', x.dialogue_id, 'kind', x.kind, 'name', x.name) from dialogue_attendees x where x.id = k.rid)
  when 'dialogue_outcomes' then (select jsonb_build_object('dialogue_id', x.dialogue_id, 'position', x.position) from dialogue_outcomes x where x.id = k.rid)
  when 'petitions' then (select jsonb_build_object('id', x.id) from petitions x where x.id = k.rid)
  when 'petitioners' then (select jsonb_build_object('petition_id', x.petition_id) from petitioners x where x.id = k.rid)
  when 'petition_officers' then (select jsonb_build_object('petition_id', x.petition_id, 'account_id', x.account_id) from petition_officers x where x.id = k.rid)
  when 'petition_attachments' then (select jsonb_build_object('petition_id', x.petition_id) from petition_attachments x where x.id = k.rid)
  when 'petition_events' then (select jsonb_build_object('petition_id', x.petition_id, 'action', x.action) from petition_events x where x.id = k.rid)
  when 'petition_forwards' then (select jsonb_build_object('petition_id', x.petition_id, 'to_body_id', x.to_body_id, 'to_name', x.to_name, 'forwarded_on', x.forwarded_on) from petition_forwards x where x.id = k.rid)
  when 'petition_deadlines' then (select jsonb_build_object('petition_id', x.petition_id, 'rule', x.rule) from petition_deadlines x where x.id = k.rid)
  when 'petition_replies' then (select jsonb_build_object('petition_id', x.petition_id, 'received_on', x.received_on) from petition_replies x where x.id = k.rid)
  when 'case_links' then (select jsonb_build_object('petition_id', x.petition_id, 'kind', x.kind) from case_links x where x.id = k.rid)
  when 'petition_identity_views' then (select jsonb_build_object('petition_id', x.petition_id) from petition_identity_views x where x.id = k.rid)
  when 'petition_documents' then (select jsonb_build_object('petition_id', x.petition_id, 'kind', x.kind, 'number', x.number, 'symbol', x.symbol) from petition_documents x where x.id = k.rid)
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

/** A legal deadline rule's code, from a rule version's id (a variant's or a combination's version). */
const deadlineRuleOf = (versionRef: string) =>
  sql`(select dr.code from legal_deadline_versions dv join legal_deadline_rules dr on dr.id = dv.rule_id where dv.id = ${id(versionRef)})`;
const deadlineVersionNumber = (versionRef: string) =>
  sql`(select dv.number from legal_deadline_versions dv where dv.id = ${id(versionRef)})`;

/** A key project's name; a household by its number in its project (never its head's name: personal data). */
const projectName = (ref: RawBuilder<unknown>) => sql`(select p.name from key_projects p where p.id = ${ref})`;
const householdOf = (ref: RawBuilder<unknown>) =>
  sql`(select jsonb_build_object('household', h.number, 'project', p.name) from key_households h join key_projects p on p.id = h.project_id where h.id = ${ref})`;
const visitHousehold = sql`(select v.household_id from key_visits v where v.id = ${id('visit_id')})`;
const visitDay = sql`(select to_char(v.visited_on, 'DD/MM/YYYY') from key_visits v where v.id = ${id('visit_id')})`;
const dialogueOf = sql`(select jsonb_build_object('date', to_char(d.held_on, 'DD/MM/YYYY'), 'title', d.title) from dialogues d where d.id = ${id('dialogue_id')})`;
const CONSENT_WORDS = sql`case ${key('status')}
    when 'not_agreed' then jsonb_build_object('status_vi', 'chưa đồng ý', 'status_en', 'not agreed')
    when 'mobilising' then jsonb_build_object('status_vi', 'đang vận động', 'status_en', 'being mobilised')
    when 'agreed' then jsonb_build_object('status_vi', 'đồng ý', 'status_en', 'agreed')
    else jsonb_build_object('status_vi', 'đã bàn giao mặt bằng', 'status_en', 'site handed over') end`;

/** A petition as people name it, never by a petitioner: "số 05/2026" in its register, or the day an unnumbered one
 * was received. */
const petitionRef = (ref: RawBuilder<unknown>, lang: 'vi' | 'en') =>
  lang === 'vi'
    ? sql`(select case when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
        else 'số ' || lpad(p.number::text, greatest(2, length(p.number::text)), '0') || '/' || p.year end from petitions p where p.id = ${ref})`
    : sql`(select case when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
        else 'no. ' || lpad(p.number::text, greatest(2, length(p.number::text)), '0') || '/' || p.year end from petitions p where p.id = ${ref})`;
/** The label values naming the petition a record of a case belongs to. */
const ofPetition = (ref: RawBuilder<unknown>) =>
  sql`jsonb_build_object('ref_vi', ${petitionRef(ref, 'vi')}, 'ref_en', ${petitionRef(ref, 'en')})`;
const registerWords = (ref: RawBuilder<unknown>) =>
  sql`(select jsonb_build_object('register_vi', case p.register when 'reception' then 'sổ tiếp công dân' else 'sổ theo dõi đơn' end,
    'register_en', case p.register when 'reception' then 'citizen reception register' else 'letters register' end) from petitions p where p.id = ${ref})`;
const NOTICE_WORDS = sql`case ${key('kind')}
    when 'receipt' then jsonb_build_object('kind_vi', 'Giấy biên nhận', 'kind_en', 'Receipt')
    when 'guidance' then jsonb_build_object('kind_vi', 'Phiếu hướng dẫn', 'kind_en', 'Guidance notice')
    when 'forward' then jsonb_build_object('kind_vi', 'Phiếu chuyển đơn', 'kind_en', 'Forwarding slip')
    when 'filing' then jsonb_build_object('kind_vi', 'Thông báo xếp lưu đơn', 'kind_en', 'Filing notice')
    when 'proposal' then jsonb_build_object('kind_vi', 'Phiếu đề xuất', 'kind_en', 'Proposal')
    when 'reminder' then jsonb_build_object('kind_vi', 'Văn bản đôn đốc', 'kind_en', 'Reminder letter')
    when 'citizen_reply' then jsonb_build_object('kind_vi', 'Thông báo kết quả xử lý đơn', 'kind_en', 'Reply to the citizen')
    else jsonb_build_object('kind_vi', 'Thông báo rút đơn', 'kind_en', 'Withdrawal notice') end
  || jsonb_build_object(
    'doc_vi', coalesce('số ' || lpad(${key('number')}, greatest(2, length(${key('number')})), '0') || '/' || ${key('symbol')}, '(dự thảo)'),
    'doc_en', coalesce('no. ' || lpad(${key('number')}, greatest(2, length(${key('number')})), '0') || '/' || ${key('symbol')}, '(draft)'))`;

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
  when 'legal_deadline_rules' then jsonb_build_object('code', ${key('code')}, 'name', ${key('name')})
  when 'legal_deadline_versions' then jsonb_build_object(
    'code', (select dr.code from legal_deadline_rules dr where dr.id = ${id('rule_id')}), 'number', ${key('number')})
  when 'legal_deadline_variants' then jsonb_build_object(
    'variant', ${key('code')}, 'code', ${deadlineRuleOf('version_id')}, 'number', ${deadlineVersionNumber('version_id')})
  when 'legal_deadline_combinations' then jsonb_build_object(
    'variants', (select string_agg(v, ' + ') from jsonb_array_elements_text(r.d -> 'variants') v),
    'code', ${deadlineRuleOf('version_id')}, 'number', ${deadlineVersionNumber('version_id')})
  when 'public_holidays' then jsonb_build_object('name', ${key('name')})
  when 'holiday_years' then jsonb_build_object('year', ${key('year')})
  when 'holiday_adjustments' then jsonb_build_object('date', ${day('day')})
  when 'key_projects' then jsonb_build_object('code', ${key('code')}, 'name', ${key('name')})
  when 'key_project_units' then jsonb_build_object('project', ${projectName(id('project_id'))}, 'unit', ${unitName('unit_id')})
  when 'key_project_milestones' then jsonb_build_object('project', ${projectName(id('project_id'))}, 'title', ${key('title')}, 'date', ${day('due_on')})
  when 'key_households' then jsonb_build_object('household', ${key('number')}, 'project', ${projectName(id('project_id'))})
  when 'key_visits' then ${householdOf(id('household_id'))} || jsonb_build_object('date', ${day('visited_on')})
  when 'key_visit_members' then ${householdOf(visitHousehold)} || jsonb_build_object('name', ${key('name')}, 'date', ${visitDay})
  when 'key_consents' then ${householdOf(id('household_id'))} || ${CONSENT_WORDS} || jsonb_build_object('date', ${day('on_date')})
  when 'dialogues' then jsonb_build_object('date', ${day('held_on')}, 'title', ${key('title')})
  when 'dialogue_attendees' then ${dialogueOf} || jsonb_build_object(
    'name_vi', case ${key('kind')} when 'official' then ${key('name')} else 'Người dân' end,
    'name_en', case ${key('kind')} when 'official' then ${key('name')} else 'A resident' end)
  when 'dialogue_outcomes' then ${dialogueOf} || jsonb_build_object('position', ${key('position')})
  when 'petitions' then ${ofPetition(id('id'))} || ${registerWords(id('id'))}
  when 'petitioners' then ${ofPetition(id('petition_id'))}
  when 'petition_officers' then ${ofPetition(id('petition_id'))} || jsonb_build_object('account', ${accountName('account_id')})
  when 'petition_attachments' then ${ofPetition(id('petition_id'))}
  when 'petition_events' then ${ofPetition(id('petition_id'))} || jsonb_build_object('action', ${key('action')})
  when 'petition_forwards' then ${ofPetition(id('petition_id'))} || jsonb_build_object(
    'to', coalesce(${bodyName(id('to_body_id'))}, ${key('to_name')}), 'date', ${day('forwarded_on')})
  when 'petition_deadlines' then ${ofPetition(id('petition_id'))} || jsonb_build_object('rule', ${key('rule')})
  when 'petition_replies' then ${ofPetition(id('petition_id'))} || jsonb_build_object('date', ${day('received_on')})
  when 'case_links' then ${ofPetition(id('petition_id'))} || jsonb_build_object('kind', ${key('kind')})
  when 'petition_identity_views' then ${ofPetition(id('petition_id'))}
  when 'petition_documents' then ${ofPetition(id('petition_id'))} || ${NOTICE_WORDS}
  when 'dialogue_petitions' then ${ofPetition(id('petition_id'))} || jsonb_build_object(
    'date', (select to_char(g.held_on, 'DD/MM/YYYY') from dialogues g where g.id = ${id('dialogue_id')}))
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
