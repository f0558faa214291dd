-- Programme export, statement 2: its owner body (canReadProgramme).
-- Parameters:
--   $1 = "0c000000-0000-4000-8000-000000000001"

select
  "id",
  "body_id"
from
  "programmes"
where
  "id" = $1
  and "deleted_at" is null;
