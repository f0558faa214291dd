-- Task create, statement 2 (insertTask): the task, its cooperator and its first history line, the actor set in the same statement.
-- Parameters:
--   $1 = "0a000000-0000-4000-8000-000000000001"
--   $2 = "web"
--   $3 = "req-1"
--   $4 = "203.0.113.7"
--   $5 = "0f000000-0000-4000-8000-000000000002"
--   $6 = "0c000000-0000-4000-8000-000000000001"
--   $7 = 12
--   $8 = null
--   $9 = null
--   $10 = "shared"
--   $11 = "Kiểm tra công tác dân vận"
--   $12 = "kiem tra cong tac dan van"
--   $13 = null
--   $14 = "0d000000-0000-4000-8000-000000000002"
--   $15 = "0e000000-0000-4000-8000-000000000001"
--   $16 = "0b000000-0000-4000-8000-000000000001"
--   $17 = "0a000000-0000-4000-8000-000000000001"
--   $18 = null
--   $19 = "2025-06-30"
--   $20 = "2025-06-30"
--   $21 = null
--   $22 = null
--   $23 = "normal"
--   $24 = 1
--   $25 = "assigned"
--   $26 = null
--   $27 = null
--   $28 = null
--   $29 = false
--   $30 = "0a000000-0000-4000-8000-000000000001"
--   $31 = "0f000000-0000-4000-8000-000000000002"
--   $32 = "0d000000-0000-4000-8000-000000000003"
--   $33 = "Tổng hợp số liệu"
--   $34 = "0b000000-0000-4000-8000-000000000002"
--   $35 = "0f000000-0000-4000-8000-000000000002"
--   $36 = "status"
--   $37 = "draft"
--   $38 = "assigned"
--   $39 = "0a000000-0000-4000-8000-000000000001"
--   $40 = true

with
  "actor" as (
    select
      (
        select
          set_config('khoi.actor_id', $1, true) is not null
          and set_config('khoi.actor', $2, true) is not null
          and set_config('khoi.request_id', $3, true) is not null
          and set_config('khoi.ip', $4, true) is not null
      ) as "set"
  ),
  "new_task" as (
    insert into
      "tasks" (
        "id",
        "programme_id",
        "number",
        "group_id",
        "parent_id",
        "kind",
        "title",
        "title_fold",
        "description",
        "lead_body_id",
        "unit_id",
        "responsible_person_id",
        "assignee_account_id",
        "start_date",
        "due_date",
        "original_due_date",
        "target_value",
        "target_unit",
        "priority",
        "weight",
        "status",
        "recurrence",
        "series_id",
        "occurrence",
        "cascaded",
        "created_by"
      )
    values
      (
        $5,
        $6,
        $7,
        $8,
        $9,
        $10,
        $11,
        $12,
        $13,
        $14,
        $15,
        $16,
        $17,
        $18,
        $19,
        $20,
        $21,
        $22,
        $23,
        $24,
        $25,
        $26,
        $27,
        $28,
        $29,
        $30
      )
    returning
      "id"
  ),
  "new_cooperators" as (
    insert into
      "task_cooperators" ("task_id", "body_id", "part", "person_id")
    values
      ($31, $32, $33, $34)
    returning
      "id"
  ),
  "new_history" as (
    insert into
      "task_updates" (
        "task_id",
        "kind",
        "from_status",
        "to_status",
        "entered_by"
      )
    values
      ($35, $36, $37, $38, $39)
    returning
      "id"
  )
select
  "new_task"."id"
from
  "new_task",
  "actor"
where
  "actor"."set" = $40;
