-- Reporting totals (totalsOf): one indicator over a unit, 2021..202111, the stripes added up per period.
-- Parameters:
--   $1 = ["0f000000-0000-4000-8000-000000000001"]
--   $2 = ["0e000000-0000-4000-8000-000000000001"]
--   $3 = "unit"
--   $4 = ""
--   $5 = 24252
--   $6 = 24262

select
  i.id as indicator_id,
  n.id as node_id,
  s.slots
from
  unnest($1::uuid[]) as i (id)
  cross join unnest($2::uuid[]) as n (id)
  cross join lateral (
    select
      json_agg(
        json_build_array(first_month, last_month, sum, count, max)
      ) as slots
    from
      (
        select
          first_month,
          last_month,
          sum(sum)::float8 as sum,
          sum(count)::int as count,
          max(max)::float8 as max
        from
          report_totals
        where
          indicator_id = i.id
          and node_kind = $3
          and node_id = n.id
          and category = $4
          and first_month >= $5
          and last_month <= $6
        group by
          first_month,
          last_month
      ) t
  ) s
where
  s.slots is not null;
