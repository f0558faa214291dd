-- Task create, statement 1 (takeNumberAndRefs): may the officer add the task, the programme’s next number, what the task names and the reference checks.
-- Parameters:
--   $1 = "0a000000-0000-4000-8000-000000000001"
--   $2 = "2025-03-14"
--   $3 = "0a000000-0000-4000-8000-000000000001"
--   $4 = "2025-03-14"
--   $5 = null
--   $6 = "0c000000-0000-4000-8000-000000000001"
--   $7 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $8 = "0a000000-0000-4000-8000-000000000001"
--   $9 = "2025-03-14"
--   $10 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $11 = "0a000000-0000-4000-8000-000000000001"
--   $12 = "2025-03-14"
--   $13 = "0c000000-0000-4000-8000-000000000001"
--   $14 = "0c000000-0000-4000-8000-000000000001"
--   $15 = "shared"
--   $16 = null
--   $17 = null
--   $18 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $19 = "0a000000-0000-4000-8000-000000000001"
--   $20 = "2025-03-14"
--   $21 = ["0d000000-0000-4000-8000-000000000002","0d000000-0000-4000-8000-000000000003"]
--   $22 = ["0b000000-0000-4000-8000-000000000001","0b000000-0000-4000-8000-000000000002"]
--   $23 = "0a000000-0000-4000-8000-000000000001"
--   $24 = "0c000000-0000-4000-8000-000000000001"
--   $25 = "0a000000-0000-4000-8000-000000000001"
--   $26 = "2025-03-14"
--   $27 = ["leadBodyId","responsiblePersonId","assigneeAccountId","cooperators.0.bodyId","cooperators.0.personId"]
--   $28 = ["lead","person","account","near","nearPerson"]
--   $29 = ["0d000000-0000-4000-8000-000000000002","0b000000-0000-4000-8000-000000000001","0a000000-0000-4000-8000-000000000001","0d000000-0000-4000-8000-000000000003","0b000000-0000-4000-8000-000000000002"]

with
  chk as (
    select
      (
        (
          select
            h.ok
          from
            holds_rows (
              $1::uuid,
              $2::date,
              'work.manage',
              "pb"."unit_id",
              "pb"."id"
            ) h
        )
        or coalesce(
          (
            select
              (
                select
                  h.ok
                from
                  holds_rows (
                    $3::uuid,
                    $4::date,
                    'work.manage',
                    "lb"."unit_id",
                    "lb"."id"
                  ) h
              )
            from
              tasks pt
              join bodies lb on lb.id = pt.lead_body_id
            where
              pt.id = $5::uuid
              and pt.deleted_at is null
          ),
          false
        )
      ) as may
    from
      programmes p
      join bodies pb on pb.id = p.body_id
    where
      p.id = $6::uuid
      and p.deleted_at is null
      and case
        when p.id = any ($7::uuid[]) then true
        when programme_readable ($8::uuid, $9::date, p.id) then true
        else exists (
          select
            1
          from
            tasks t
          where
            t.programme_id = p.id
            and (
              "t"."programme_id" = any ($10::uuid[])
              or "t"."id" in (
                select
                  visible_task_ids ($11::uuid, $12::date)
              )
            )
        )
      end
  ),
  n as (
    update programmes
    set
      task_counter = task_counter + 1
    where
      id = $13::uuid
      and deleted_at is null
      and (
        select
          may
        from
          chk
      )
    returning
      task_counter
  )
select
  set_config('synchronous_commit', 'off', true) is not null
  and exists (
    select
      1
    from
      chk
  ) as found,
  (
    select
      may
    from
      chk
  ) as may,
  (
    select
      task_counter
    from
      n
  ) as number,
  (
    select
      json_build_object('id', id, 'body_id', body_id, 'year', year)
    from
      programmes
    where
      id = $14::uuid
      and deleted_at is null
  ) as programme,
  exists (
    select
      1
    from
      task_kinds
    where
      code = $15
      and deleted_at is null
  ) as kind_ok,
  (
    select
      json_build_object('programme_id', programme_id)
    from
      task_groups
    where
      id = $16::uuid
      and deleted_at is null
  ) as grp,
  (
    select
      json_build_object(
        'programme_id',
        programme_id,
        'group_id',
        group_id
      )
    from
      tasks pt
    where
      pt.id = $17::uuid
      and pt.deleted_at is null
      and (
        "pt"."programme_id" = any ($18::uuid[])
        or "pt"."id" in (
          select
            visible_task_ids ($19::uuid, $20::date)
        )
      )
  ) as parent,
  (
    select
      coalesce(
        json_agg(
          json_build_object(
            'id',
            id,
            'unit_id',
            unit_id,
            'valid_to',
            valid_to
          )
        ),
        '[]'
      )
    from
      bodies
    where
      id = any ($21::uuid[])
      and deleted_at is null
  ) as bodies,
  (
    select
      coalesce(json_agg(id), '[]')
    from
      people
    where
      id = any ($22::uuid[])
      and deleted_at is null
  ) as people,
  (
    select
      json_build_object('disabled_at', disabled_at)
    from
      accounts
    where
      id = $23::uuid
      and deleted_at is null
  ) as account,
  (
    select
      f.field
    from
      (
        select
          (
            select
              b.unit_id
            from
              programmes p
              join bodies b on b.id = p.body_id
            where
              p.id = $24::uuid
          ) as owner_unit
      ) o,
      lateral (
        select
          reference_roots ($25::uuid, $26::date, o.owner_unit) as roots
      ) r,
      unnest($27::text[], $28::text[], $29::uuid[]) with ordinality as f (field, rule, id, ord)
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
