-- My work, statement 2 (taskRowsByIds): the page’s rows.
-- Parameters:
--   $1 = ["0f000000-0000-4000-8000-000000000001"]

select
  coalesce(json_agg(r), '[]') as rows
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
        ) as "subtask_count"
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
        and t.id = any ($1::uuid[])
    )
  ) r;
