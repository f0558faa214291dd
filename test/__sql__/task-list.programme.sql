-- Task list (listTasksStatement): an officer lists a programme’s top-level tasks, page 1 of 50, by number.
-- Parameters:
--   $1 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $2 = "0a000000-0000-4000-8000-000000000001"
--   $3 = "2025-03-14"
--   $4 = "0c000000-0000-4000-8000-000000000001"
--   $5 = 0

select
  coalesce(
    json_agg(
      r
      order by
        "r"."k0",
        "r"."k1",
        "r"."id"
    ),
    '[]'
  ) as rows
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
        "pg"."total_count",
        "pg"."k0" as "k0",
        "pg"."k1" as "k1"
      from
        "tasks" as "t"
        inner join "programmes" as "p" on "p"."id" = "t"."programme_id"
        inner join "bodies" as "lb" on "lb"."id" = "t"."lead_body_id"
        inner join "task_kinds" as "k" on "k"."code" = "t"."kind"
        left join "task_groups" as "g" on "g"."id" = "t"."group_id"
        left join "people" as "rp" on "rp"."id" = "t"."responsible_person_id"
        left join "accounts" as "aa" on "aa"."id" = "t"."assignee_account_id"
        inner join (
          with
            "m" as materialized (
              select
                "t"."id" as "id",
                coalesce(g.position, 32767) as "k0",
                "t"."number" as "k1"
              from
                "tasks" as "t"
                left join "task_groups" as "g" on "g"."id" = "t"."group_id"
              where
                "t"."deleted_at" is null
                and (
                  "t"."programme_id" = any ($1::uuid[])
                  or "t"."id" in (
                    select
                      visible_task_ids ($2::uuid, $3::date)
                  )
                )
                and "t"."programme_id" = $4::uuid
                and "t"."parent_id" is null
            )
          select
            "m"."id",
            (
              select
                count(*)
              from
                m
            ) as "total_count",
            "m"."k0" as "k0",
            "m"."k1" as "k1"
          from
            "m"
          order by
            "m"."k0",
            "m"."k1",
            "m"."id"
          limit
            50
          offset
            $5
        ) as "pg" on "pg"."id" = "t"."id"
      where
        "t"."deleted_at" is null
    )
  ) r;
