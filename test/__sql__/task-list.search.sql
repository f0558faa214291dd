-- Task list (listTasksStatement): an officer searches "kiểm tra" among assigned and in-progress tasks, page 2 of 25, by relevance.
-- Parameters:
--   $1 = "%kiểm tra%"
--   $2 = "% kiem tra%"
--   $3 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $4 = "0a000000-0000-4000-8000-000000000001"
--   $5 = "2025-03-14"
--   $6 = "assigned"
--   $7 = "in_progress"
--   $8 = "%kiem tra%"
--   $9 = 25

select
  coalesce(
    json_agg(
      r
      order by
        "r"."k0",
        "r"."k1",
        "r"."k2",
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
        "pg"."k1" as "k1",
        "pg"."k2" as "k2"
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
                "s"."id" as "id",
                case
                  when s.title like $1 then 0
                  when (' ' || s.title_fold) like $2 then 1
                  else 2
                end as "k0",
                coalesce(g.position, 32767) as "k1",
                "s"."number" as "k2"
              from
                "task_search" as "s"
                left join "tasks" as "t" on "t"."id" = "s"."id"
                left join "task_groups" as "g" on "g"."id" = "s"."group_id"
              where
                (
                  "s"."programme_id" = any ($3::uuid[])
                  or "s"."id" in (
                    select
                      visible_task_ids ($4::uuid, $5::date)
                  )
                )
                and "t"."status" in ($6, $7)
                and s.title_fold like $8
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
            "m"."k1" as "k1",
            "m"."k2" as "k2"
          from
            "m"
          order by
            "m"."k0",
            "m"."k1",
            "m"."k2",
            "m"."id"
          limit
            25
          offset
            $9
        ) as "pg" on "pg"."id" = "t"."id"
      where
        "t"."deleted_at" is null
    )
  ) r;
