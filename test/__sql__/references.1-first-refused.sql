-- References (assertReferences): the first field whose id the officer may not name in a write about the unit (reference_roots, reference_ok: migration 0017).
-- Parameters:
--   $1 = "0e000000-0000-4000-8000-000000000001"
--   $2 = "0a000000-0000-4000-8000-000000000001"
--   $3 = "2025-03-14"
--   $4 = ["leadBodyId","responsiblePersonId","assigneeAccountId","cooperators.0.bodyId","cooperators.0.personId"]
--   $5 = ["lead","person","account","near","nearPerson"]
--   $6 = ["0d000000-0000-4000-8000-000000000002","0b000000-0000-4000-8000-000000000001","0a000000-0000-4000-8000-000000000001","0d000000-0000-4000-8000-000000000003","0b000000-0000-4000-8000-000000000002"]

select
  (
    select
      f.field
    from
      (
        select
          $1::uuid as owner_unit
      ) o,
      lateral (
        select
          reference_roots ($2::uuid, $3::date, o.owner_unit) as roots
      ) r,
      unnest($4::text[], $5::text[], $6::uuid[]) with ordinality as f (field, rule, id, ord)
    where
      not coalesce(
        reference_ok (r.roots, o.owner_unit, f.rule, f.id),
        false
      )
    order by
      f.ord
    limit
      1
  ) as refused;
