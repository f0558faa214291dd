-- My work, statement 3 (progressOf): the descendants of the page’s tasks that have subtasks, for the rollup (lists and task pages run it too).
-- Parameters:
--   $1 = ["0f000000-0000-4000-8000-000000000001"]

with recursive
  d as (
    select
      id,
      parent_id,
      status,
      reported_progress,
      weight
    from
      tasks
    where
      id = any ($1::uuid[])
    union
    select
      c.id,
      c.parent_id,
      c.status,
      c.reported_progress,
      c.weight
    from
      tasks c
      join d on c.parent_id = d.id
    where
      c.deleted_at is null
  )
select
  *
from
  d;
