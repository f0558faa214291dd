-- Reporting totals (addToTotals +1): an approved report’s counted values added into every ancestor row.
-- Parameters:
--   $1 = 1
--   $2 = 1
--   $3 = 1
--   $4 = "0f000000-0000-4000-8000-000000000002"
--   $5 = "0f000000-0000-4000-8000-000000000002"
--   $6 = "0f000000-0000-4000-8000-000000000002"
--   $7 = "0f000000-0000-4000-8000-000000000002"
--   $8 = 1

insert into
  report_totals as t (
    indicator_id,
    node_kind,
    node_id,
    first_month,
    last_month,
    category,
    stripe,
    sum,
    count,
    max
  )
select
  k.indicator_id,
  k.node_kind,
  k.node_id,
  k.first_month,
  k.last_month,
  k.category,
  k.stripe,
  $1::int * k.num,
  $2::int,
  case
    when $3::int > 0 then k.num
  end
from
  (
    with
      v as (
        select
          rv.indicator_id,
          rv.category,
          rv.first_month,
          rv.last_month,
          rv.num
        from
          report_values rv
        where
          rv.submission_id = $4::uuid
          and rv.num is not null
          and rv.counted
          -- a submission's values share its months: one year's partition is read, not all of them
          and rv.first_month = (
            select
              s.first_month
            from
              report_submissions s
            where
              s.id = $5::uuid
          )
      ),
      n as (
        select
          s.id as submission_id,
          'unit'::text as node_kind,
          a.id as node_id,
          (
            "a".level < 3
            and s.first_month >= (
              select
                month
              from
                report_totals_settled
            )
          ) as striped,
          (
            case
              when (
                "a".level < 3
                and s.first_month >= (
                  select
                    month
                  from
                    report_totals_settled
                )
              ) then (
                abs(
                  hashtext (
                    (
                      case
                        when "ut".level > 3 then "ut".parent_id
                        else "ut".unit_id
                      end
                    )::text
                  )::bigint
                ) % 8
              )
              else 0
            end
          )::smallint as stripe
        from
          (
            select
              id,
              unit_id,
              body_id,
              period_end,
              first_month
            from
              report_submissions
            where
              id = $6::uuid
          ) s
          join unit_tree ut on ut.unit_id = s.unit_id
          and (
            ut.valid_from is null
            or ut.valid_from <= s.period_end
          )
          and (
            ut.valid_to is null
            or s.period_end < ut.valid_to
          )
          join units a on a.seq = any (string_to_array(ut.path::text, '.')::bigint[])
          and a.level <= 3
        union all
        select
          s.id,
          'body',
          b.id,
          false,
          0::smallint
        from
          (
            select
              id,
              unit_id,
              body_id,
              period_end,
              first_month
            from
              report_submissions
            where
              id = $7::uuid
          ) s
          cross join lateral unnest(body_line (s.body_id)) as b (id)
        where
          s.body_id is not null
      )
    select
      v.indicator_id,
      n.node_kind,
      n.node_id,
      v.first_month,
      v.last_month,
      v.category,
      n.stripe,
      n.striped,
      v.num
    from
      v
      cross join n
  ) k
order by
  k.indicator_id,
  k.node_kind,
  k.node_id,
  k.first_month,
  k.last_month,
  k.category,
  k.stripe
on conflict (
  indicator_id,
  node_kind,
  node_id,
  first_month,
  last_month,
  category,
  stripe
) do update
set
  sum = t.sum + excluded.sum,
  count = t.count + excluded.count,
  max = case
    when $8::int > 0 then greatest(t.max, excluded.max)
    else t.max
  end;
