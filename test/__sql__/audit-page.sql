-- Audit log (listPage): page 2 of 50 entries since a day, newest first, cut before each is labelled from its record.
-- Parameters:
--   $1 = "2025-03-14"
--   $2 = 50
--   $3 = 50

select
  "l".*,
  (
    select
      case l.table_name
        when 'accounts' then jsonb_build_object(
          'username',
          (r.d ->> 'username'),
          'name',
          (r.d ->> 'display_name')
        )
        when 'api_tokens' then jsonb_build_object(
          'name',
          (r.d ->> 'name'),
          'account',
          (
            select
              a.username
            from
              accounts a
            where
              a.id = (r.d ->> 'account_id')::uuid
          )
        )
        when 'unit_versions' then jsonb_build_object('name', (r.d ->> 'name'))
        when 'unit_links' then jsonb_build_object(
          'from',
          (
            select
              v.name
            from
              unit_versions v
            where
              v.unit_id = (r.d ->> 'from_unit_id')::uuid
              and v.deleted_at is null
            order by
              v.valid_to desc nulls first
            limit
              1
          ),
          'to',
          (
            select
              v.name
            from
              unit_versions v
            where
              v.unit_id = (r.d ->> 'to_unit_id')::uuid
              and v.deleted_at is null
            order by
              v.valid_to desc nulls first
            limit
              1
          ),
          'date',
          to_char((r.d ->> 'link_date')::date, 'DD/MM/YYYY')
        )
        when 'bodies' then jsonb_build_object('name', (r.d ->> 'name'))
        when 'body_kinds' then jsonb_build_object(
          'name_vi',
          (r.d ->> 'name_vi'),
          'name_en',
          (r.d ->> 'name_en')
        )
        when 'people' then jsonb_build_object('name', (r.d ->> 'full_name'))
        when 'positions' then jsonb_build_object(
          'title',
          (r.d ->> 'title'),
          'person',
          (
            select
              p.full_name
            from
              people p
            where
              p.id = (r.d ->> 'person_id')::uuid
          ),
          'body',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'body_id')::uuid
          )
        )
        when 'role_assignments' then jsonb_build_object(
          'role_vi',
          (
            select
              o.name_vi
            from
              roles o
            where
              o.code = (r.d ->> 'role')
          ),
          'role_en',
          (
            select
              o.name_en
            from
              roles o
            where
              o.code = (r.d ->> 'role')
          ),
          'account',
          (
            select
              a.username
            from
              accounts a
            where
              a.id = (r.d ->> 'account_id')::uuid
          ),
          'unit',
          (
            select
              v.name
            from
              unit_versions v
            where
              v.unit_id = (r.d ->> 'unit_id')::uuid
              and v.deleted_at is null
            order by
              v.valid_to desc nulls first
            limit
              1
          )
        )
        when 'programmes' then jsonb_build_object(
          'year',
          (r.d ->> 'year'),
          'body',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'body_id')::uuid
          )
        )
        when 'task_groups' then jsonb_build_object(
          'name',
          (r.d ->> 'name'),
          'year',
          (
            select
              p."year"
            from
              programmes p
            where
              p.id = (r.d ->> 'programme_id')::uuid
          ),
          'body',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (
                select
                  p."body_id"
                from
                  programmes p
                where
                  p.id = (r.d ->> 'programme_id')::uuid
              )
          )
        )
        when 'tasks' then jsonb_build_object(
          'number',
          (r.d ->> 'number'),
          'title',
          (r.d ->> 'title')
        )
        when 'task_cooperators' then jsonb_build_object(
          'body',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'body_id')::uuid
          ),
          'number',
          (
            select
              t.number
            from
              tasks t
            where
              t.id = (r.d ->> 'task_id')::uuid
          ),
          'title',
          (
            select
              t.title
            from
              tasks t
            where
              t.id = (r.d ->> 'task_id')::uuid
          )
        )
        when 'task_extensions' then jsonb_build_object(
          'number',
          (
            select
              t.number
            from
              tasks t
            where
              t.id = (r.d ->> 'task_id')::uuid
          ),
          'date',
          to_char(
            (r.d ->> 'requested_due_date')::date,
            'DD/MM/YYYY'
          )
        )
        when 'task_updates' then jsonb_build_object(
          'number',
          (
            select
              t.number
            from
              tasks t
            where
              t.id = (r.d ->> 'task_id')::uuid
          ),
          'title',
          (
            select
              t.title
            from
              tasks t
            where
              t.id = (r.d ->> 'task_id')::uuid
          )
        )
        when 'task_files' then jsonb_build_object(
          'filename',
          (
            select
              f.filename
            from
              files f
            where
              f.id = (r.d ->> 'file_id')::uuid
          ),
          'number',
          (
            select
              t.number
            from
              tasks t
            where
              t.id = (r.d ->> 'task_id')::uuid
          )
        )
        when 'files' then jsonb_build_object('filename', (r.d ->> 'filename'))
        when 'briefings' then jsonb_build_object(
          'date',
          to_char((r.d ->> 'held_on')::date, 'DD/MM/YYYY'),
          'body',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'body_id')::uuid
          )
        )
        when 'briefing_conclusions' then jsonb_build_object(
          'position',
          (r.d ->> 'position'),
          'date',
          (
            select
              to_char(b.held_on, 'DD/MM/YYYY')
            from
              briefings b
            where
              b.id = (r.d ->> 'briefing_id')::uuid
          )
        )
        when 'briefing_attendees' then jsonb_build_object(
          'name',
          (r.d ->> 'name'),
          'date',
          (
            select
              to_char(b.held_on, 'DD/MM/YYYY')
            from
              briefings b
            where
              b.id = (r.d ->> 'briefing_id')::uuid
          )
        )
        when 'retention_rules' then jsonb_build_object(
          'name_vi',
          (r.d ->> 'name_vi'),
          'name_en',
          (r.d ->> 'name_en')
        )
        when 'body_links' then jsonb_build_object(
          'from',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'from_body_id')::uuid
          ),
          'to',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'to_body_id')::uuid
          )
        )
        when 'task_kinds' then jsonb_build_object(
          'name_vi',
          (r.d ->> 'name_vi'),
          'name_en',
          (r.d ->> 'name_en')
        )
        when 'document_series' then jsonb_build_object(
          'name_vi',
          (r.d ->> 'name_vi'),
          'name_en',
          (r.d ->> 'name_en')
        )
        when 'document_counters' then jsonb_build_object(
          'series_vi',
          (
            select
              s.name_vi
            from
              document_series s
            where
              s.code = (r.d ->> 'series')
          ),
          'series_en',
          (
            select
              s.name_en
            from
              document_series s
            where
              s.code = (r.d ->> 'series')
          ),
          'body',
          (
            select
              b.name
            from
              bodies b
            where
              b.id = (r.d ->> 'issuer_body_id')::uuid
          ),
          'period',
          (r.d ->> 'period')
        )
        when 'notification_settings' then jsonb_build_object(
          'account',
          (
            select
              a.username
            from
              accounts a
            where
              a.id = (r.d ->> 'account_id')::uuid
          )
        )
        when 'indicators' then jsonb_build_object(
          'code',
          (r.d ->> 'code'),
          'name',
          (r.d ->> 'name')
        )
        when 'report_forms' then jsonb_build_object(
          'code',
          (r.d ->> 'code'),
          'name',
          (r.d ->> 'name')
        )
        when 'report_form_versions' then jsonb_build_object(
          'code',
          (
            select
              f."code"
            from
              report_forms f
            where
              f.id = (r.d ->> 'form_id')::uuid
          ),
          'name',
          (
            select
              f."name"
            from
              report_forms f
            where
              f.id = (r.d ->> 'form_id')::uuid
          ),
          'since_vi',
          coalesce(
            'từ ' || to_char((r.d ->> 'valid_from')::date, 'DD/MM/YYYY'),
            'từ đầu'
          ),
          'since_en',
          coalesce(
            'from ' || to_char((r.d ->> 'valid_from')::date, 'DD/MM/YYYY'),
            'from the start'
          )
        )
        when 'report_form_indicators' then jsonb_build_object(
          'code',
          (
            select
              i."code"
            from
              indicators i
            where
              i.id = (r.d ->> 'indicator_id')::uuid
          ),
          'name',
          (
            select
              i."name"
            from
              indicators i
            where
              i.id = (r.d ->> 'indicator_id')::uuid
          ),
          'form',
          (
            select
              f."code"
            from
              report_forms f
            where
              f.id = (
                select
                  v.form_id
                from
                  report_form_versions v
                where
                  v.id = (r.d ->> 'form_version_id')::uuid
              )
          )
        )
        when 'report_rules' then jsonb_build_object(
          'code',
          (
            select
              i."code"
            from
              indicators i
            where
              i.id = (r.d ->> 'indicator_id')::uuid
          ),
          'name',
          (
            select
              i."name"
            from
              indicators i
            where
              i.id = (r.d ->> 'indicator_id')::uuid
          )
        )
        when 'report_submissions' then jsonb_build_object(
          'period_id',
          (r.d ->> 'period_id'),
          'reporter',
          coalesce(
            (
              select
                b.name
              from
                bodies b
              where
                b.id = (r.d ->> 'body_id')::uuid
            ),
            (
              select
                v.name
              from
                unit_versions v
              where
                v.unit_id = (r.d ->> 'unit_id')::uuid
                and v.deleted_at is null
              order by
                v.valid_to desc nulls first
              limit
                1
            )
          )
        )
        when 'report_values' then jsonb_build_object(
          'period_id',
          (r.d ->> 'period_id'),
          'reporter',
          coalesce(
            (
              select
                b.name
              from
                bodies b
              where
                b.id = (r.d ->> 'body_id')::uuid
            ),
            (
              select
                v.name
              from
                unit_versions v
              where
                v.unit_id = (r.d ->> 'unit_id')::uuid
                and v.deleted_at is null
              order by
                v.valid_to desc nulls first
              limit
                1
            )
          )
        )
        when 'report_targets' then jsonb_build_object(
          'code',
          (
            select
              i."code"
            from
              indicators i
            where
              i.id = (r.d ->> 'indicator_id')::uuid
          ),
          'node',
          case (r.d ->> 'node_kind')
            when 'body' then (
              select
                b.name
              from
                bodies b
              where
                b.id = (r.d ->> 'node_id')::uuid
            )
            else (
              select
                v.name
              from
                unit_versions v
              where
                v.unit_id = (r.d ->> 'node_id')::uuid
                and v.deleted_at is null
              order by
                v.valid_to desc nulls first
              limit
                1
            )
          end,
          'period_id',
          (r.d ->> 'period_id')
        )
        when 'report_reopenings' then jsonb_build_object(
          'period_id',
          (r.d ->> 'period_id'),
          'code',
          (
            select
              f."code"
            from
              report_forms f
            where
              f.id = (r.d ->> 'form_id')::uuid
          ),
          'name',
          (
            select
              f."name"
            from
              report_forms f
            where
              f.id = (r.d ->> 'form_id')::uuid
          )
        )
      end
    from
      (
        select
          coalesce(
            case l.table_name
              when 'accounts' then (
                select
                  jsonb_build_object(
                    'username',
                    x.username,
                    'display_name',
                    x.display_name
                  )
                from
                  accounts x
                where
                  x.id = k.rid
              )
              when 'api_tokens' then (
                select
                  jsonb_build_object('name', x.name, 'account_id', x.account_id)
                from
                  api_tokens x
                where
                  x.id = k.rid
              )
              when 'unit_versions' then (
                select
                  jsonb_build_object('name', x.name)
                from
                  unit_versions x
                where
                  x.id = k.rid
              )
              when 'unit_links' then (
                select
                  jsonb_build_object(
                    'from_unit_id',
                    x.from_unit_id,
                    'to_unit_id',
                    x.to_unit_id,
                    'link_date',
                    x.link_date
                  )
                from
                  unit_links x
                where
                  x.id = k.rid
              )
              when 'bodies' then (
                select
                  jsonb_build_object('name', x.name)
                from
                  bodies x
                where
                  x.id = k.rid
              )
              when 'body_kinds' then (
                select
                  jsonb_build_object('name_vi', x.name_vi, 'name_en', x.name_en)
                from
                  body_kinds x
                where
                  x.code = l.record_id
              )
              when 'people' then (
                select
                  jsonb_build_object('full_name', x.full_name)
                from
                  people x
                where
                  x.id = k.rid
              )
              when 'positions' then (
                select
                  jsonb_build_object(
                    'title',
                    x.title,
                    'person_id',
                    x.person_id,
                    'body_id',
                    x.body_id
                  )
                from
                  positions x
                where
                  x.id = k.rid
              )
              when 'role_assignments' then (
                select
                  jsonb_build_object(
                    'role',
                    x.role,
                    'account_id',
                    x.account_id,
                    'unit_id',
                    x.unit_id
                  )
                from
                  role_assignments x
                where
                  x.id = k.rid
              )
              when 'programmes' then (
                select
                  jsonb_build_object('year', x.year, 'body_id', x.body_id)
                from
                  programmes x
                where
                  x.id = k.rid
              )
              when 'task_groups' then (
                select
                  jsonb_build_object('name', x.name, 'programme_id', x.programme_id)
                from
                  task_groups x
                where
                  x.id = k.rid
              )
              when 'tasks' then (
                select
                  jsonb_build_object('number', x.number, 'title', x.title)
                from
                  tasks x
                where
                  x.id = k.rid
              )
              when 'task_cooperators' then (
                select
                  jsonb_build_object('task_id', x.task_id, 'body_id', x.body_id)
                from
                  task_cooperators x
                where
                  x.id = k.rid
              )
              when 'task_extensions' then (
                select
                  jsonb_build_object(
                    'task_id',
                    x.task_id,
                    'requested_due_date',
                    x.requested_due_date
                  )
                from
                  task_extensions x
                where
                  x.id = k.rid
              )
              when 'task_updates' then (
                select
                  jsonb_build_object('task_id', x.task_id)
                from
                  task_updates x
                where
                  x.id = k.rid
              )
              when 'task_files' then (
                select
                  jsonb_build_object('task_id', x.task_id, 'file_id', x.file_id)
                from
                  task_files x
                where
                  x.id = k.rid
              )
              when 'files' then (
                select
                  jsonb_build_object('filename', x.filename)
                from
                  files x
                where
                  x.id = k.rid
              )
              when 'briefings' then (
                select
                  jsonb_build_object('held_on', x.held_on, 'body_id', x.body_id)
                from
                  briefings x
                where
                  x.id = k.rid
              )
              when 'briefing_conclusions' then (
                select
                  jsonb_build_object(
                    'position',
                    x.position,
                    'briefing_id',
                    x.briefing_id
                  )
                from
                  briefing_conclusions x
                where
                  x.id = k.rid
              )
              when 'briefing_attendees' then (
                select
                  jsonb_build_object('name', x.name, 'briefing_id', x.briefing_id)
                from
                  briefing_attendees x
                where
                  x.id = k.rid
              )
              when 'body_links' then (
                select
                  jsonb_build_object(
                    'from_body_id',
                    x.from_body_id,
                    'to_body_id',
                    x.to_body_id
                  )
                from
                  body_links x
                where
                  x.id = k.rid
              )
              when 'task_kinds' then (
                select
                  jsonb_build_object('name_vi', x.name_vi, 'name_en', x.name_en)
                from
                  task_kinds x
                where
                  x.code = l.record_id
              )
              when 'document_series' then (
                select
                  jsonb_build_object('name_vi', x.name_vi, 'name_en', x.name_en)
                from
                  document_series x
                where
                  x.code = l.record_id
              )
              when 'indicators' then (
                select
                  jsonb_build_object('code', x.code, 'name', x.name)
                from
                  indicators x
                where
                  x.id = k.rid
              )
              when 'report_forms' then (
                select
                  jsonb_build_object('code', x.code, 'name', x.name)
                from
                  report_forms x
                where
                  x.id = k.rid
              )
              when 'report_form_versions' then (
                select
                  jsonb_build_object('form_id', x.form_id, 'valid_from', x.valid_from)
                from
                  report_form_versions x
                where
                  x.id = k.rid
              )
              when 'report_rules' then (
                select
                  jsonb_build_object('indicator_id', x.indicator_id)
                from
                  report_rules x
                where
                  x.id = k.rid
              )
              when 'report_submissions' then (
                select
                  jsonb_build_object(
                    'period_id',
                    x.period_id,
                    'unit_id',
                    x.unit_id,
                    'body_id',
                    x.body_id
                  )
                from
                  report_submissions x
                where
                  x.id = k.rid
              )
              when 'report_values' then (
                select
                  jsonb_build_object(
                    'period_id',
                    x.period_id,
                    'unit_id',
                    x.unit_id,
                    'body_id',
                    x.body_id
                  )
                from
                  report_submissions x
                where
                  x.id = k.rid
              )
              when 'report_targets' then (
                select
                  jsonb_build_object(
                    'indicator_id',
                    x.indicator_id,
                    'node_kind',
                    x.node_kind,
                    'node_id',
                    x.node_id,
                    'period_id',
                    x.period_id
                  )
                from
                  report_targets x
                where
                  x.id = k.rid
              )
              when 'report_reopenings' then (
                select
                  jsonb_build_object('form_id', x.form_id, 'period_id', x.period_id)
                from
                  report_reopenings x
                where
                  x.id = k.rid
              )
            end,
            case
              when l.action in ('create', 'update', 'delete', 'restore', 'purge') then coalesce(l.after, l.before)
            end
          ) as d
        from
          (
            select
              case
                when l.record_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then l.record_id::uuid
              end as rid
          ) k
        offset
          0
      ) r
    where
      r.d is not null
  ) as "label"
from
  (
    select
      "l"."id",
      "l"."at",
      "l"."actor_account_id",
      "a"."username",
      "a"."display_name",
      "l"."actor_label",
      "l"."ip",
      "l"."request_id",
      "l"."action",
      "l"."table_name",
      "l"."record_id",
      "l"."before",
      "l"."after"
    from
      "audit_log" as "l"
      left join "accounts" as "a" on "a"."id" = "l"."actor_account_id"
    where
      "l"."at" >= ($1::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    order by
      "l"."id" desc
    limit
      $2
    offset
      $3
  ) as "l"
order by
  "l"."id" desc;
