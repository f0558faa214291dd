-- Task page (taskDetailStatement): an officer with remembered grants opens a task; the access check rides along.
-- Parameters:
--   $1 = "0f000000-0000-4000-8000-000000000001"
--   $2 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $3 = "0a000000-0000-4000-8000-000000000001"
--   $4 = "2025-03-14"
--   $5 = "2025-03-14"
--   $6 = "2025-03-14"
--   $7 = "2025-03-14"
--   $8 = "2025-03-14"
--   $9 = "2025-03-14"
--   $10 = "2025-03-14"
--   $11 = "0f000000-0000-4000-8000-000000000001"
--   $12 = "0f000000-0000-4000-8000-000000000001"
--   $13 = "0f000000-0000-4000-8000-000000000001"

with
  me as (
    select
      id,
      programme_id,
      parent_id
    from
      tasks
    where
      id = $1::uuid
  )
select
  (
    select
      row_to_json(a)
    from
      (
        (
          select
            "t"."id",
            "t"."status",
            "t"."lead_body_id",
            "p"."body_id" as "programme_body_id",
            "t"."responsible_person_id",
            "t"."assignee_account_id",
            exists (
              select
                1
              from
                tasks c
              where
                c.parent_id = t.id
                and c.deleted_at is null
            ) as "has_children",
            (
              "t"."programme_id" = any ($2::uuid[])
              or "t"."id" in (
                select
                  visible_task_ids ($3::uuid, $4::date)
              )
            ) as "visible",
            (
              null::boolean
              or null::boolean
            ) as "manage",
            null::boolean as "accept",
            null::boolean as "report_lead",
            null::text[] as "parts",
            array(
              select
                u.path::text
              from
                unit_tree u
              where
                u.unit_id = "pb"."unit_id"
                and (
                  (
                    "u"."valid_from" is null
                    or "u"."valid_from" <= $5::date
                  )
                  and (
                    "u"."valid_to" is null
                    or $6::date < "u"."valid_to"
                  )
                )
            ) as "pb_paths",
            null::text[] as "pb_line",
            array(
              select
                u.path::text
              from
                unit_tree u
              where
                u.unit_id = "lb"."unit_id"
                and (
                  (
                    "u"."valid_from" is null
                    or "u"."valid_from" <= $7::date
                  )
                  and (
                    "u"."valid_to" is null
                    or $8::date < "u"."valid_to"
                  )
                )
            ) as "lb_paths",
            null::text[] as "lb_line",
            (
              select
                json_agg(
                  json_build_object(
                    'id',
                    tc.id,
                    'person_id',
                    tc.person_id,
                    'paths',
                    array(
                      select
                        u.path::text
                      from
                        unit_tree u
                      where
                        u.unit_id = "cb"."unit_id"
                        and (
                          (
                            "u"."valid_from" is null
                            or "u"."valid_from" <= $9::date
                          )
                          and (
                            "u"."valid_to" is null
                            or $10::date < "u"."valid_to"
                          )
                        )
                    ),
                    'line',
                    null::text[]
                  )
                  order by
                    tc.id
                )
              from
                task_cooperators tc
                join bodies cb on cb.id = tc.body_id
              where
                tc.task_id = t.id
                and tc.deleted_at is null
            ) as "cooperators"
          from
            "tasks" as "t"
            inner join "programmes" as "p" on "p"."id" = "t"."programme_id"
            inner join "bodies" as "pb" on "pb"."id" = "p"."body_id"
            inner join "bodies" as "lb" on "lb"."id" = "t"."lead_body_id"
          where
            "t"."id" = $11
            and "t"."deleted_at" is null
        )
      ) a
  ) as access,
  (
    select
      coalesce(
        json_agg(
          r
          order by
            r.number
        ),
        '[]'
      )
    from
      (
        (
          select
            "t"."id",
            "t"."programme_id",
            "p"."title" as "programme_title",
            "t"."number",
            "t"."group_id",
            "g"."name" as "group_name",
            "g"."position" as "group_position",
            "t"."parent_id",
            "t"."kind",
            "k"."name_vi" as "kind_vi",
            "k"."name_en" as "kind_en",
            "t"."title",
            "t"."lead_body_id",
            "lb"."name" as "lead_body_name",
            "t"."responsible_person_id",
            "rp"."full_name" as "responsible_name",
            "t"."assignee_account_id",
            "aa"."display_name" as "assignee_name",
            "t"."start_date",
            "t"."due_date",
            "t"."original_due_date",
            "t"."target_value",
            "t"."target_unit",
            "t"."result_value",
            "t"."target_indicator_id",
            "t"."target_indicator_unit_id",
            "t"."target_indicator_period",
            "t"."unit_id",
            "p"."year" as "programme_year",
            "t"."priority",
            "t"."weight",
            "t"."status",
            "t"."status_reason",
            "t"."reported_progress",
            "t"."reported_done_on",
            "t"."accepted_on",
            "t"."recurrence",
            "t"."occurrence",
            "t"."cascaded",
            "t"."version",
            (
              select
                ut.name
              from
                unit_tree ut
              where
                ut.unit_id = "t"."unit_id"
              order by
                ut.valid_to desc nulls first
              limit
                1
            ) as "unit_name",
            coalesce(
              (
                select
                  json_agg(
                    json_build_object('bodyId', cb.id, 'bodyName', cb.name)
                    order by
                      cb.name collate "vi-x-icu"
                  )
                from
                  task_cooperators tc
                  join bodies cb on cb.id = tc.body_id
                where
                  tc.task_id = t.id
                  and tc.deleted_at is null
              ),
              '[]'::json
            ) as "cooperators",
            (
              select
                count(*)::int
              from
                tasks st
              where
                st.parent_id = t.id
                and st.deleted_at is null
            ) as "subtask_count",
            "t"."description",
            "p"."body_id" as "programme_body_id",
            "t"."series_id"
          from
            "tasks" as "t"
            inner join "programmes" as "p" on "p"."id" = "t"."programme_id"
            inner join "bodies" as "lb" on "lb"."id" = "t"."lead_body_id"
            inner join "task_kinds" as "k" on "k"."code" = "t"."kind"
            left join "task_groups" as "g" on "g"."id" = "t"."group_id"
            left join "people" as "rp" on "rp"."id" = "t"."responsible_person_id"
            left join "accounts" as "aa" on "aa"."id" = "t"."assignee_account_id"
          where
            "t"."deleted_at" is null
            and (
              "t"."id" = $12
              or "t"."parent_id" = $13
            )
        )
      ) r
  ) as rows,
  (
    select
      json_build_object(
        'id',
        p.id,
        'title',
        p.title,
        'year',
        p.year,
        'body_id',
        p.body_id,
        'name',
        b.name
      )
    from
      programmes p
      join bodies b on b.id = p.body_id
    where
      p.id = (
        select
          programme_id
        from
          me
      )
  ) as programme,
  (
    with recursive
      up as (
        select
          id,
          parent_id,
          number,
          title,
          0 as depth
        from
          tasks
        where
          id = (
            select
              parent_id
            from
              me
          )
        union all
        select
          t.id,
          t.parent_id,
          t.number,
          t.title,
          up.depth + 1
        from
          tasks t
          join up on t.id = up.parent_id
        where
          up.depth < 50
      )
    select
      coalesce(
        json_agg(
          json_build_object('id', id, 'number', number, 'title', title)
          order by
            depth desc
        ),
        '[]'
      )
    from
      up
  ) as parents,
  (
    select
      coalesce(
        json_agg(
          x
          order by
            x.body_name collate "vi-x-icu"
        ),
        '[]'
      )
    from
      (
        select
          tc.id,
          tc.body_id,
          b.name as body_name,
          tc.part,
          tc.person_id,
          p.full_name,
          tc.reported_progress,
          tc.version
        from
          task_cooperators tc
          join bodies b on b.id = tc.body_id
          left join people p on p.id = tc.person_id
        where
          tc.task_id = (
            select
              id
            from
              me
          )
          and tc.deleted_at is null
      ) x
  ) as cooperators,
  (
    select
      coalesce(
        json_agg(
          x
          order by
            x.created_at desc,
            x.id
        ),
        '[]'
      )
    from
      (
        select
          u.id,
          u.kind,
          u.cooperator_id,
          cb.name as cooperator_body,
          u.progress,
          u.note,
          u.from_status,
          u.to_status,
          u.reported_by_person_id,
          rp.full_name as reported_by,
          u.reported_on,
          u.entered_by,
          ea.display_name as entered_by_name,
          u.created_at
        from
          task_updates u
          left join people rp on rp.id = u.reported_by_person_id
          left join accounts ea on ea.id = u.entered_by
          left join task_cooperators tc on tc.id = u.cooperator_id
          left join bodies cb on cb.id = tc.body_id
        where
          u.task_id = (
            select
              id
            from
              me
          )
      ) x
  ) as updates,
  (
    select
      coalesce(
        json_agg(
          x
          order by
            x.created_at
        ),
        '[]'
      )
    from
      (
        select
          tf.update_id,
          f.id,
          f.filename,
          f.content_type,
          f.size_bytes,
          f.created_at
        from
          task_files tf
          join files f on f.id = tf.file_id
        where
          tf.task_id = (
            select
              id
            from
              me
          )
          and tf.deleted_at is null
      ) x
  ) as files,
  (
    select
      coalesce(
        json_agg(
          x
          order by
            x.requested_at desc
        ),
        '[]'
      )
    from
      (
        select
          e.id,
          e.requested_due_date,
          e.previous_due_date,
          e.reason,
          ra.display_name as requested_by_name,
          e.requested_at,
          e.decision,
          e.decision_note,
          da.display_name as decided_by_name,
          e.decided_at,
          e.version
        from
          task_extensions e
          left join accounts ra on ra.id = e.requested_by
          left join accounts da on da.id = e.decided_by
        where
          e.task_id = (
            select
              id
            from
              me
          )
      ) x
  ) as extensions,
  (
    select
      json_build_object(
        'id',
        bc.id,
        'briefing_id',
        bc.briefing_id,
        'title',
        b.title,
        'held_on',
        b.held_on,
        'text',
        bc.text
      )
    from
      briefing_conclusions bc
      join briefings b on b.id = bc.briefing_id
    where
      bc.task_id = (
        select
          id
        from
          me
      )
      and bc.deleted_at is null
    limit
      1
  ) as conclusion;
