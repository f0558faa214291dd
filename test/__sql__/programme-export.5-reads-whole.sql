-- Programme export, statement 5: the officer reads the owner body’s records (holdsOverBody), so every task is shown.
-- Parameters:
--   $1 = "0a000000-0000-4000-8000-000000000001"
--   $2 = "2025-03-14"
--   $3 = "read"
--   $4 = "0d000000-0000-4000-8000-000000000001"

select
  holds_over ($1::uuid, $2::date, $3, b.unit_id, b.id) as ok
from
  bodies b
where
  b.id = $4;
