-- Programme export, statement 6: the programme’s groups.
-- Parameters:
--   $1 = "0c000000-0000-4000-8000-000000000001"

select
  "id",
  "position",
  "name"
from
  "task_groups"
where
  "programme_id" = $1
  and "deleted_at" is null
order by
  "position",
  "created_at";
