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
        when 'legal_deadline_rules' then jsonb_build_object(
          'code',
          (r.d ->> 'code'),
          'name',
          (r.d ->> 'name')
        )
        when 'legal_deadline_versions' then jsonb_build_object(
          'code',
          (
            select
              dr.code
            from
              legal_deadline_rules dr
            where
              dr.id = (r.d ->> 'rule_id')::uuid
          ),
          'number',
          (r.d ->> 'number')
        )
        when 'legal_deadline_variants' then jsonb_build_object(
          'variant',
          (r.d ->> 'code'),
          'code',
          (
            select
              dr.code
            from
              legal_deadline_versions dv
              join legal_deadline_rules dr on dr.id = dv.rule_id
            where
              dv.id = (r.d ->> 'version_id')::uuid
          ),
          'number',
          (
            select
              dv.number
            from
              legal_deadline_versions dv
            where
              dv.id = (r.d ->> 'version_id')::uuid
          )
        )
        when 'legal_deadline_combinations' then jsonb_build_object(
          'variants',
          (
            select
              string_agg(v, ' + ')
            from
              jsonb_array_elements_text(r.d -> 'variants') v
          ),
          'code',
          (
            select
              dr.code
            from
              legal_deadline_versions dv
              join legal_deadline_rules dr on dr.id = dv.rule_id
            where
              dv.id = (r.d ->> 'version_id')::uuid
          ),
          'number',
          (
            select
              dv.number
            from
              legal_deadline_versions dv
            where
              dv.id = (r.d ->> 'version_id')::uuid
          )
        )
        when 'public_holidays' then jsonb_build_object('name', (r.d ->> 'name'))
        when 'holiday_years' then jsonb_build_object('year', (r.d ->> 'year'))
        when 'holiday_adjustments' then jsonb_build_object(
          'date',
          to_char((r.d ->> 'day')::date, 'DD/MM/YYYY')
        )
        when 'key_projects' then jsonb_build_object(
          'code',
          (r.d ->> 'code'),
          'name',
          (r.d ->> 'name')
        )
        when 'key_project_units' then jsonb_build_object(
          'project',
          (
            select
              p.name
            from
              key_projects p
            where
              p.id = (r.d ->> 'project_id')::uuid
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
        when 'key_project_milestones' then jsonb_build_object(
          'project',
          (
            select
              p.name
            from
              key_projects p
            where
              p.id = (r.d ->> 'project_id')::uuid
          ),
          'title',
          (r.d ->> 'title'),
          'date',
          to_char((r.d ->> 'due_on')::date, 'DD/MM/YYYY')
        )
        when 'key_households' then jsonb_build_object(
          'household',
          (r.d ->> 'number'),
          'project',
          (
            select
              p.name
            from
              key_projects p
            where
              p.id = (r.d ->> 'project_id')::uuid
          )
        )
        when 'key_visits' then (
          select
            jsonb_build_object('household', h.number, 'project', p.name)
          from
            key_households h
            join key_projects p on p.id = h.project_id
          where
            h.id = (r.d ->> 'household_id')::uuid
        ) || jsonb_build_object(
          'date',
          to_char((r.d ->> 'visited_on')::date, 'DD/MM/YYYY')
        )
        when 'key_visit_members' then (
          select
            jsonb_build_object('household', h.number, 'project', p.name)
          from
            key_households h
            join key_projects p on p.id = h.project_id
          where
            h.id = (
              select
                v.household_id
              from
                key_visits v
              where
                v.id = (r.d ->> 'visit_id')::uuid
            )
        ) || jsonb_build_object(
          'name',
          (r.d ->> 'name'),
          'date',
          (
            select
              to_char(v.visited_on, 'DD/MM/YYYY')
            from
              key_visits v
            where
              v.id = (r.d ->> 'visit_id')::uuid
          )
        )
        when 'key_consents' then (
          select
            jsonb_build_object('household', h.number, 'project', p.name)
          from
            key_households h
            join key_projects p on p.id = h.project_id
          where
            h.id = (r.d ->> 'household_id')::uuid
        ) || case (r.d ->> 'status')
          when 'not_agreed' then jsonb_build_object(
            'status_vi',
            'chưa đồng ý',
            'status_en',
            'not agreed'
          )
          when 'mobilising' then jsonb_build_object(
            'status_vi',
            'đang vận động',
            'status_en',
            'being mobilised'
          )
          when 'agreed' then jsonb_build_object('status_vi', 'đồng ý', 'status_en', 'agreed')
          else jsonb_build_object(
            'status_vi',
            'đã bàn giao mặt bằng',
            'status_en',
            'site handed over'
          )
        end || jsonb_build_object(
          'date',
          to_char((r.d ->> 'on_date')::date, 'DD/MM/YYYY')
        )
        when 'dialogues' then jsonb_build_object(
          'date',
          to_char((r.d ->> 'held_on')::date, 'DD/MM/YYYY'),
          'title',
          (r.d ->> 'title')
        )
        when 'dialogue_attendees' then (
          select
            jsonb_build_object(
              'date',
              to_char(d.held_on, 'DD/MM/YYYY'),
              'title',
              d.title
            )
          from
            dialogues d
          where
            d.id = (r.d ->> 'dialogue_id')::uuid
        ) || jsonb_build_object(
          'name_vi',
          case (r.d ->> 'kind')
            when 'official' then (r.d ->> 'name')
            else 'Người dân'
          end,
          'name_en',
          case (r.d ->> 'kind')
            when 'official' then (r.d ->> 'name')
            else 'A resident'
          end
        )
        when 'dialogue_outcomes' then (
          select
            jsonb_build_object(
              'date',
              to_char(d.held_on, 'DD/MM/YYYY'),
              'title',
              d.title
            )
          from
            dialogues d
          where
            d.id = (r.d ->> 'dialogue_id')::uuid
        ) || jsonb_build_object('position', (r.d ->> 'position'))
        when 'petitions' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'id')::uuid
          )
        ) || (
          select
            jsonb_build_object(
              'register_vi',
              case p.register
                when 'reception' then 'sổ tiếp công dân'
                else 'sổ theo dõi đơn'
              end,
              'register_en',
              case p.register
                when 'reception' then 'citizen reception register'
                else 'letters register'
              end
            )
          from
            petitions p
          where
            p.id = (r.d ->> 'id')::uuid
        )
        when 'petitioners' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        )
        when 'petition_officers' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object(
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
        when 'petition_attachments' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        )
        when 'petition_events' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object('action', (r.d ->> 'action'))
        when 'petition_forwards' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object(
          'to',
          coalesce(
            (
              select
                b.name
              from
                bodies b
              where
                b.id = (r.d ->> 'to_body_id')::uuid
            ),
            (r.d ->> 'to_name')
          ),
          'date',
          to_char((r.d ->> 'forwarded_on')::date, 'DD/MM/YYYY')
        )
        when 'petition_deadlines' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object('rule', (r.d ->> 'rule'))
        when 'petition_replies' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object(
          'date',
          to_char((r.d ->> 'received_on')::date, 'DD/MM/YYYY')
        )
        when 'case_links' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object('kind', (r.d ->> 'kind'))
        when 'petition_identity_views' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        )
        when 'petition_documents' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || case (r.d ->> 'kind')
          when 'receipt' then jsonb_build_object('kind_vi', 'Giấy biên nhận', 'kind_en', 'Receipt')
          when 'guidance' then jsonb_build_object(
            'kind_vi',
            'Phiếu hướng dẫn',
            'kind_en',
            'Guidance notice'
          )
          when 'forward' then jsonb_build_object(
            'kind_vi',
            'Phiếu chuyển đơn',
            'kind_en',
            'Forwarding slip'
          )
          when 'filing' then jsonb_build_object(
            'kind_vi',
            'Thông báo xếp lưu đơn',
            'kind_en',
            'Filing notice'
          )
          when 'proposal' then jsonb_build_object('kind_vi', 'Phiếu đề xuất', 'kind_en', 'Proposal')
          when 'reminder' then jsonb_build_object(
            'kind_vi',
            'Văn bản đôn đốc',
            'kind_en',
            'Reminder letter'
          )
          when 'citizen_reply' then jsonb_build_object(
            'kind_vi',
            'Thông báo kết quả xử lý đơn',
            'kind_en',
            'Reply to the citizen'
          )
          else jsonb_build_object(
            'kind_vi',
            'Thông báo rút đơn',
            'kind_en',
            'Withdrawal notice'
          )
        end || jsonb_build_object(
          'doc_vi',
          coalesce(
            'số ' || lpad(
              (r.d ->> 'number'),
              greatest(2, length((r.d ->> 'number'))),
              '0'
            ) || '/' || (r.d ->> 'symbol'),
            '(dự thảo)'
          ),
          'doc_en',
          coalesce(
            'no. ' || lpad(
              (r.d ->> 'number'),
              greatest(2, length((r.d ->> 'number'))),
              '0'
            ) || '/' || (r.d ->> 'symbol'),
            '(draft)'
          )
        )
        when 'dialogue_petitions' then jsonb_build_object(
          'ref_vi',
          (
            select
              case
                when p.number is null then 'nhận ngày ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (chưa vào sổ)'
                else 'số ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          ),
          'ref_en',
          (
            select
              case
                when p.number is null then 'received ' || to_char(p.received_on, 'DD/MM/YYYY') || ' (not numbered)'
                else 'no. ' || lpad(
                  p.number::text,
                  greatest(2, length(p.number::text)),
                  '0'
                ) || '/' || p.year
              end
            from
              petitions p
            where
              p.id = (r.d ->> 'petition_id')::uuid
          )
        ) || jsonb_build_object(
          'date',
          (
            select
              to_char(g.held_on, 'DD/MM/YYYY')
            from
              dialogues g
            where
              g.id = (r.d ->> 'dialogue_id')::uuid
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
                  jsonb_build_object(
                    'filename',
                    case
                      when exists (
                        select
                          1
                        from
                          petition_attachments a
                        where
                          a.file_id = x.id
                      )
                      or exists (
                        select
                          1
                        from
                          public_uploads u
                        where
                          u.file_id = x.id
                      ) then '(ẩn)'
                      else x.filename
                    end
                  )
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
              when 'legal_deadline_rules' then (
                select
                  jsonb_build_object('code', x.code, 'name', x.name)
                from
                  legal_deadline_rules x
                where
                  x.id = k.rid
              )
              when 'legal_deadline_versions' then (
                select
                  jsonb_build_object('rule_id', x.rule_id, 'number', x.number)
                from
                  legal_deadline_versions x
                where
                  x.id = k.rid
              )
              when 'legal_deadline_variants' then (
                select
                  jsonb_build_object('version_id', x.version_id, 'code', x.code)
                from
                  legal_deadline_variants x
                where
                  x.id = k.rid
              )
              when 'legal_deadline_combinations' then (
                select
                  jsonb_build_object(
                    'version_id',
                    x.version_id,
                    'variants',
                    x.variants
                  )
                from
                  legal_deadline_combinations x
                where
                  x.id = k.rid
              )
              when 'public_holidays' then (
                select
                  jsonb_build_object('name', x.name)
                from
                  public_holidays x
                where
                  x.id = k.rid
              )
              when 'holiday_years' then (
                select
                  jsonb_build_object('year', x.year)
                from
                  holiday_years x
                where
                  x.id = k.rid
              )
              when 'holiday_adjustments' then (
                select
                  jsonb_build_object('day', x.day)
                from
                  holiday_adjustments x
                where
                  x.id = k.rid
              )
              when 'key_projects' then (
                select
                  jsonb_build_object('code', x.code, 'name', x.name)
                from
                  key_projects x
                where
                  x.id = k.rid
              )
              when 'key_project_milestones' then (
                select
                  jsonb_build_object(
                    'project_id',
                    x.project_id,
                    'title',
                    x.title,
                    'due_on',
                    x.due_on
                  )
                from
                  key_project_milestones x
                where
                  x.id = k.rid
              )
              when 'key_households' then (
                select
                  jsonb_build_object('project_id', x.project_id, 'number', x.number)
                from
                  key_households x
                where
                  x.id = k.rid
              )
              when 'key_visits' then (
                select
                  jsonb_build_object(
                    'household_id',
                    x.household_id,
                    'visited_on',
                    x.visited_on
                  )
                from
                  key_visits x
                where
                  x.id = k.rid
              )
              when 'key_visit_members' then (
                select
                  jsonb_build_object('visit_id', x.visit_id, 'name', x.name)
                from
                  key_visit_members x
                where
                  x.id = k.rid
              )
              when 'key_consents' then (
                select
                  jsonb_build_object(
                    'household_id',
                    x.household_id,
                    'status',
                    x.status,
                    'on_date',
                    x.on_date
                  )
                from
                  key_consents x
                where
                  x.id = k.rid
              )
              when 'dialogues' then (
                select
                  jsonb_build_object('held_on', x.held_on, 'title', x.title)
                from
                  dialogues x
                where
                  x.id = k.rid
              )
              when 'dialogue_attendees' then (
                select
                  jsonb_build_object(
                    'dialogue_id',
                    x.dialogue_id,
                    'kind',
                    x.kind,
                    'name',
                    x.name
                  )
                from
                  dialogue_attendees x
                where
                  x.id = k.rid
              )
              when 'dialogue_outcomes' then (
                select
                  jsonb_build_object(
                    'dialogue_id',
                    x.dialogue_id,
                    'position',
                    x.position
                  )
                from
                  dialogue_outcomes x
                where
                  x.id = k.rid
              )
              when 'petitions' then (
                select
                  jsonb_build_object('id', x.id)
                from
                  petitions x
                where
                  x.id = k.rid
              )
              when 'petitioners' then (
                select
                  jsonb_build_object('petition_id', x.petition_id)
                from
                  petitioners x
                where
                  x.id = k.rid
              )
              when 'petition_officers' then (
                select
                  jsonb_build_object(
                    'petition_id',
                    x.petition_id,
                    'account_id',
                    x.account_id
                  )
                from
                  petition_officers x
                where
                  x.id = k.rid
              )
              when 'petition_attachments' then (
                select
                  jsonb_build_object('petition_id', x.petition_id)
                from
                  petition_attachments x
                where
                  x.id = k.rid
              )
              when 'petition_events' then (
                select
                  jsonb_build_object('petition_id', x.petition_id, 'action', x.action)
                from
                  petition_events x
                where
                  x.id = k.rid
              )
              when 'petition_forwards' then (
                select
                  jsonb_build_object(
                    'petition_id',
                    x.petition_id,
                    'to_body_id',
                    x.to_body_id,
                    'to_name',
                    x.to_name,
                    'forwarded_on',
                    x.forwarded_on
                  )
                from
                  petition_forwards x
                where
                  x.id = k.rid
              )
              when 'petition_deadlines' then (
                select
                  jsonb_build_object('petition_id', x.petition_id, 'rule', x.rule)
                from
                  petition_deadlines x
                where
                  x.id = k.rid
              )
              when 'petition_replies' then (
                select
                  jsonb_build_object(
                    'petition_id',
                    x.petition_id,
                    'received_on',
                    x.received_on
                  )
                from
                  petition_replies x
                where
                  x.id = k.rid
              )
              when 'case_links' then (
                select
                  jsonb_build_object('petition_id', x.petition_id, 'kind', x.kind)
                from
                  case_links x
                where
                  x.id = k.rid
              )
              when 'petition_identity_views' then (
                select
                  jsonb_build_object('petition_id', x.petition_id)
                from
                  petition_identity_views x
                where
                  x.id = k.rid
              )
              when 'petition_documents' then (
                select
                  jsonb_build_object(
                    'petition_id',
                    x.petition_id,
                    'kind',
                    x.kind,
                    'number',
                    x.number,
                    'symbol',
                    x.symbol
                  )
                from
                  petition_documents x
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
