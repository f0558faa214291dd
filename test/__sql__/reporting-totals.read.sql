-- Reporting totals (totalsOf): one indicator over a unit, 2021..202111, the stripes added up per period.
-- Parameters:
--   $1 = ["0f000000-0000-4000-8000-000000000001"]
--   $2 = "unit"
--   $3 = ["0e000000-0000-4000-8000-000000000001"]
--   $4 = ""
--   $5 = 24252
--   $6 = 24262

select
  indicator_id,
  node_id,
  json_agg(
    json_build_array(first_month, last_month, sum, count, max)
  ) as slots
from
  (
    select
      indicator_id,
      node_id,
      first_month,
      last_month,
      sum(sum)::float8 as sum,
      sum(count)::int as count,
      max(max)::float8 as max
    from
      report_totals
    where
      indicator_id = any ($1::uuid[])
      and node_kind = $2
      and node_id = any ($3::uuid[])
      and category = $4
      and first_month >= $5
      and last_month <= $6
    group by
      indicator_id,
      node_id,
      first_month,
      last_month
  ) t
group by
  indicator_id,
  node_id;
