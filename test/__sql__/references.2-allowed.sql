-- References (allowedReferences): which of the bodies may take part in a write about the unit.
-- Parameters:
--   $1 = "0a000000-0000-4000-8000-000000000001"
--   $2 = "2025-03-14"
--   $3 = "0e000000-0000-4000-8000-000000000001"
--   $4 = ["0d000000-0000-4000-8000-000000000002","0d000000-0000-4000-8000-000000000003"]
--   $5 = "0e000000-0000-4000-8000-000000000001"
--   $6 = "near"

select
  f.id
from
  lateral (
    select
      reference_roots ($1::uuid, $2::date, $3::uuid) as roots
  ) r,
  unnest($4::uuid[]) as f (id)
where
  reference_ok (r.roots, $5::uuid, $6, f.id);
