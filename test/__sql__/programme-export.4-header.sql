-- Programme export, statement 4: the programme with its body, superior body and unit.
-- Parameters:
--   $1 = "0c000000-0000-4000-8000-000000000001"

select
  "p"."id",
  "p"."year",
  "p"."title",
  "p"."body_id",
  "b"."name" as "body_name",
  "sup"."name" as "superior_name",
  (
    select
      ut.name
    from
      unit_tree ut
    where
      ut.unit_id = "b"."unit_id"
    order by
      ut.valid_to desc nulls first
    limit
      1
  ) as "unit_name"
from
  "programmes" as "p"
  inner join "bodies" as "b" on "b"."id" = "p"."body_id"
  left join "bodies" as "sup" on "sup"."id" = "b"."parent_id"
  and "sup"."unit_id" = "b"."unit_id"
where
  "p"."id" = $1;
