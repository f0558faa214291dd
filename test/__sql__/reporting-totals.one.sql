-- GET /totals in one statement (oneTotal): the indicator, the unit with the read scope, its totals or own values, its target and the reporters each form expects, for an officer.
-- Parameters:
--   $1 = "HS_TRUC_TUYEN"
--   $2 = "0a000000-0000-4000-8000-000000000001"
--   $3 = "2025-03-14"
--   $4 = null
--   $5 = null
--   $6 = "0a000000-0000-4000-8000-000000000001"
--   $7 = "2025-03-14"
--   $8 = "2025-03-14"
--   $9 = "2025-03-14"
--   $10 = null
--   $11 = null
--   $12 = "06838"
--   $13 = "2021-11-30"
--   $14 = "2021-11-30"
--   $15 = "unit"
--   $16 = ""
--   $17 = 24252
--   $18 = 24262
--   $19 = ""
--   $20 = 24252
--   $21 = 24262
--   $22 = 24262
--   $23 = "unit"
--   $24 = 24252
--   $25 = 24262
--   $26 = "2021-11-30"
--   $27 = "2021-01-01"
--   $28 = "2021-11-30"
--   $29 = "2021-11-30"
--   $30 = "2021-11-30"
--   $31 = "2021-11-30"
--   $32 = "2021-11-30"
--   $33 = "2021-11-30"

with
  i as (
    select
      id,
      code,
      name,
      measure,
      tree_aggregation,
      time_aggregation,
      kind,
      formula,
      coverage_source_id,
      coverage_min::text as coverage_min,
      coverage_level,
      breakdown,
      sort
    from
      indicators
    where
      deleted_at is null
      and code = $1
    limit
      1
  ),
  u as (
    select
      t.unit_id,
      t.code,
      t.name,
      t.level,
      t.path::text as path,
      v.valid_from::text as valid_from,
      (
        exists (
          select
            1
          from
            account_grants ($2::uuid, $3::date) g
          where
            'read' = any (g.permissions)
            and "t"."path" <@ g.path
            and (
              g.body_id is null
              or g.body_id = any (body_line ($4::uuid))
              or (
                $5::uuid is null
                and exists (
                  select
                    1
                  from
                    bodies gb
                  where
                    gb.id = g.body_id
                    and gb.kind in ('front', 'bloc_office')
                )
              )
            )
        )
        or exists (
          select
            1
          from
            account_grants ($6::uuid, $7::date) g
          where
            'read' = any (g.permissions)
            and (
              select
                now_.path
              from
                unit_tree now_
              where
                now_.unit_id = "t"."unit_id"
                and (
                  now_.valid_from is null
                  or now_.valid_from <= $8::date
                )
                and (
                  now_.valid_to is null
                  or $9::date < now_.valid_to
                )
              limit
                1
            ) <@ g.path
            and (
              g.body_id is null
              or g.body_id = any (body_line ($10::uuid))
              or (
                $11::uuid is null
                and exists (
                  select
                    1
                  from
                    bodies gb
                  where
                    gb.id = g.body_id
                    and gb.kind in ('front', 'bloc_office')
                )
              )
            )
        )
      ) as readable
    from
      unit_tree t
      join unit_versions v on v.id = t.version_id
    where
      t.code = $12
      and (
        t.valid_from is null
        or t.valid_from <= $13::date
      )
      and (
        t.valid_to is null
        or $14::date < t.valid_to
      )
    limit
      1
  )
select
  (
    select
      row_to_json(i)
    from
      i
  ) as indicator,
  (
    select
      row_to_json(u)
    from
      u
  ) as unit,
  (
    select
      json_agg(
        json_build_array(first_month, last_month, sum, count, max)
      )
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
          indicator_id = (
            select
              id
            from
              i
          )
          and node_kind = $15
          and node_id = (
            select
              unit_id
            from
              u
          )
          and category = $16
          and first_month >= $17
          and last_month <= $18
        group by
          first_month,
          last_month
      ) t
    where
      (
        select
          level
        from
          u
      ) <= 3
  ) as slots,
  (
    select
      json_agg(
        json_build_array(first_month, last_month, sum, count, max)
      )
    from
      (
        select
          rv.indicator_id,
          rv.unit_id as node_id,
          rv.first_month,
          rv.last_month,
          sum(rv.num)::float8 as sum,
          count(*)::int as count,
          max(rv.num)::float8 as max
        from
          report_values rv
          join report_submissions s on s.id = rv.submission_id
          and s.status = 'approved'
          and s.deleted_at is null
        where
          rv.unit_id = any (
            array[
              (
                select
                  unit_id
                from
                  u
              )
            ]
          )
          and rv.indicator_id = any (
            array[
              (
                select
                  id
                from
                  i
              )
            ]
          )
          and rv.counted
          and rv.num is not null
          and rv.category = $19
          and rv.first_month >= $20
          and rv.last_month <= $21
        group by
          1,
          2,
          3,
          4
      ) o
    where
      (
        select
          level
        from
          u
      ) > 3
      or (
        select
          tree_aggregation
        from
          i
      ) = 'none'
  ) as own,
  (
    select
      json_agg(
        json_build_object('value', x.value, 'exact', x.exact)
      )
    from
      (
        select distinct
          on (indicator_id, node_id) indicator_id,
          node_id,
          value::float8 as value,
          last_month = $22 as exact
        from
          report_targets
        where
          indicator_id = any (
            array[
              (
                select
                  id
                from
                  i
              )
            ]
          )
          and node_kind = $23
          and node_id = any (
            array[
              (
                select
                  unit_id
                from
                  u
              )
            ]
          )
          and deleted_at is null
          and first_month = $24
          and last_month >= $25
        order by
          indicator_id,
          node_id,
          last_month
      ) x
  ) as targets,
  (
    select
      json_agg(
        to_jsonb(fc) || jsonb_build_object('reporters', r.units + r.bodies)
      )
    from
      (
        select distinct
          f.id as form_id,
          f.period_type,
          v.submitter,
          v.unit_kinds,
          v.body_kinds,
          v.valid_from::text as valid_from,
          v.valid_to::text as valid_to
        from
          report_form_indicators fi
          join report_form_versions v on v.id = fi.form_version_id
          and v.deleted_at is null
          join report_forms f on f.id = v.form_id
          and f.deleted_at is null
        where
          fi.indicator_id = any (
            array[
              (
                select
                  id
                from
                  i
              )
            ]
          )
          and (
            v.valid_from is null
            or v.valid_from <= $26::date
          )
          and (
            v.valid_to is null
            or $27::date < v.valid_to
          )
      ) fc
      cross join lateral (
        select
          (
            select
              count(*)::int
            from
              unit_tree t
            where
              t.path <@ (
                select
                  path
                from
                  u
              )::ltree
              and t.kind = any (
                (
                  case
                    when fc.submitter = 'unit' then fc.unit_kinds
                    else '{}'
                  end
                )
              )
              and (
                t.valid_from is null
                or t.valid_from <= $28::date
              )
              and (
                t.valid_to is null
                or $29::date < t.valid_to
              )
          ) as units,
          (
            select
              count(*)::int
            from
              bodies b
              join unit_tree t on t.unit_id = b.unit_id
              and (
                t.valid_from is null
                or t.valid_from <= $30::date
              )
              and (
                t.valid_to is null
                or $31::date < t.valid_to
              )
            where
              t.path <@ (
                select
                  path
                from
                  u
              )::ltree
              and b.kind = any (
                (
                  case
                    when fc.submitter = 'body' then fc.body_kinds
                    else '{}'
                  end
                )
              )
              and b.deleted_at is null
              and (
                b.valid_from is null
                or b.valid_from <= $32::date
              )
              and (
                b.valid_to is null
                or $33::date < b.valid_to
              )
          ) as bodies
      ) r
  ) as forms;
