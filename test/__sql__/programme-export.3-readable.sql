-- Programme export, statement 3: the officer reads the programme (programme_readable).
-- Parameters:
--   $1 = "0a000000-0000-4000-8000-000000000001"
--   $2 = "2025-03-14"
--   $3 = "0c000000-0000-4000-8000-000000000001"

select
  programme_readable ($1::uuid, $2::date, $3::uuid) as ok;
