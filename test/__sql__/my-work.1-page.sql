-- My work, statement 1 (myWorkPage): the officer’s open tasks in every role, counted by section, page 1 of 100.
-- Parameters:
--   $1 = "2025-03-14"
--   $2 = "2025-03-14"
--   $3 = "2025-03-14"
--   $4 = "2025-03-14"
--   $5 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $6 = "0a000000-0000-4000-8000-000000000001"
--   $7 = "2025-03-14"
--   $8 = "0a000000-0000-4000-8000-000000000001"
--   $9 = "2025-03-14"
--   $10 = "2025-03-14"
--   $11 = "2025-03-14"
--   $12 = "2025-03-14"
--   $13 = "0a000000-0000-4000-8000-000000000001"
--   $14 = "2025-03-14"
--   $15 = "2025-03-14"
--   $16 = "0a000000-0000-4000-8000-000000000001"
--   $17 = "0b000000-0000-4000-8000-000000000001"
--   $18 = "0a000000-0000-4000-8000-000000000001"
--   $19 = "2025-03-14"
--   $20 = "2025-03-14"
--   $21 = "2025-03-14"
--   $22 = "2025-03-14"
--   $23 = "0a000000-0000-4000-8000-000000000001"
--   $24 = "2025-03-14"
--   $25 = "2025-03-14"
--   $26 = "0b000000-0000-4000-8000-000000000001"
--   $27 = "0a000000-0000-4000-8000-000000000001"
--   $28 = "2025-03-14"
--   $29 = "accepted"
--   $30 = "cancelled"
--   $31 = "draft"
--   $32 = "0a000000-0000-4000-8000-000000000001"
--   $33 = "2025-03-14"
--   $34 = "2025-03-14"
--   $35 = "2025-03-14"
--   $36 = "2025-03-14"
--   $37 = "0a000000-0000-4000-8000-000000000001"
--   $38 = "2025-03-14"
--   $39 = "2025-03-14"
--   $40 = "0a000000-0000-4000-8000-000000000001"
--   $41 = "0b000000-0000-4000-8000-000000000001"
--   $42 = "0a000000-0000-4000-8000-000000000001"
--   $43 = "2025-03-14"
--   $44 = "2025-03-14"
--   $45 = "2025-03-14"
--   $46 = "2025-03-14"
--   $47 = "0a000000-0000-4000-8000-000000000001"
--   $48 = "2025-03-14"
--   $49 = "2025-03-14"
--   $50 = "0b000000-0000-4000-8000-000000000001"
--   $51 = "0a000000-0000-4000-8000-000000000001"
--   $52 = "2025-03-14"
--   $53 = 0

with
  m as materialized (
    (
      select
        "t"."id",
        case
          when t.status in ('accepted', 'cancelled') then 2
          when t.due_date < $1::date then 0
          else 1
        end as "k0",
        coalesce(t.due_date, 'infinity'::date) as "k1",
        "t"."number" as "k2",
        t.status not in ('accepted', 'cancelled')
        and t.due_date < $2::date as "overdue",
        t.status not in ('accepted', 'cancelled')
        and t.due_date >= $3::date
        and t.due_date <= ($4::date + 7) as "due_soon"
      from
        "tasks" as "t"
      where
        "t"."deleted_at" is null
        and (
          "t"."programme_id" = any ($5::uuid[])
          or "t"."id" in (
            select
              visible_task_ids ($6::uuid, $7::date)
          )
        )
        and (
          t.lead_body_id in (
            select
              po.body_id
            from
              positions po
              join accounts ac on ac.person_id = po.person_id
            where
              ac.id = $8::uuid
              and po.deleted_at is null
              and (
                po.valid_from is null
                or po.valid_from <= $9::date
              )
              and (
                po.valid_to is null
                or $10::date < po.valid_to
              )
            union
            select
              coalesce(ra.body_id, b.id)
            from
              role_assignments ra
              join roles r on r.code = ra.role
              left join bodies b on ra.body_id is null
              and b.unit_id = ra.unit_id
              and b.deleted_at is null
              and (
                b.valid_from is null
                or b.valid_from <= $11::date
              )
              and (
                b.valid_to is null
                or $12::date < b.valid_to
              )
            where
              ra.account_id = $13::uuid
              and ra.deleted_at is null
              and (
                ra.valid_from is null
                or ra.valid_from <= $14::date
              )
              and (
                ra.valid_to is null
                or $15::date < ra.valid_to
              )
              and (
                r.permissions && array['work.report', 'work.accept']
              )
          )
          or t.assignee_account_id = $16::uuid
          or t.responsible_person_id = $17::uuid
          or exists (
            select
              1
            from
              task_cooperators tc
            where
              tc.task_id = t.id
              and tc.deleted_at is null
              and (
                tc.body_id in (
                  select
                    po.body_id
                  from
                    positions po
                    join accounts ac on ac.person_id = po.person_id
                  where
                    ac.id = $18::uuid
                    and po.deleted_at is null
                    and (
                      po.valid_from is null
                      or po.valid_from <= $19::date
                    )
                    and (
                      po.valid_to is null
                      or $20::date < po.valid_to
                    )
                  union
                  select
                    coalesce(ra.body_id, b.id)
                  from
                    role_assignments ra
                    join roles r on r.code = ra.role
                    left join bodies b on ra.body_id is null
                    and b.unit_id = ra.unit_id
                    and b.deleted_at is null
                    and (
                      b.valid_from is null
                      or b.valid_from <= $21::date
                    )
                    and (
                      b.valid_to is null
                      or $22::date < b.valid_to
                    )
                  where
                    ra.account_id = $23::uuid
                    and ra.deleted_at is null
                    and (
                      ra.valid_from is null
                      or ra.valid_from <= $24::date
                    )
                    and (
                      ra.valid_to is null
                      or $25::date < ra.valid_to
                    )
                    and (
                      r.permissions && array['work.report', 'work.accept']
                    )
                )
                or tc.person_id = $26::uuid
              )
          )
          or (
            t.status = 'reported_done'
            and t.programme_id in (
              select
                ap.id
              from
                programmes ap
                join bodies ob on ob.id = ap.body_id
              where
                holds_over (
                  $27::uuid,
                  $28::date,
                  'work.accept',
                  ob.unit_id,
                  ob.id
                )
            )
          )
        )
        and "t"."status" not in ($29, $30, $31)
    )
  )
select
  (
    select
      json_build_object(
        'total',
        count(*),
        'overdue',
        count(*) filter (
          where
            overdue
        ),
        'due_soon',
        count(*) filter (
          where
            due_soon
        )
      )
    from
      m
  ) as counts,
  coalesce(
    (
      select
        json_agg(
          r
          order by
            r.k0,
            r.k1,
            r.k2,
            r.id
        )
      from
        (
          select
            pg.id,
            pg.k0,
            pg.k1,
            pg.k2,
            (
              t.lead_body_id in (
                select
                  po.body_id
                from
                  positions po
                  join accounts ac on ac.person_id = po.person_id
                where
                  ac.id = $32::uuid
                  and po.deleted_at is null
                  and (
                    po.valid_from is null
                    or po.valid_from <= $33::date
                  )
                  and (
                    po.valid_to is null
                    or $34::date < po.valid_to
                  )
                union
                select
                  coalesce(ra.body_id, b.id)
                from
                  role_assignments ra
                  join roles r on r.code = ra.role
                  left join bodies b on ra.body_id is null
                  and b.unit_id = ra.unit_id
                  and b.deleted_at is null
                  and (
                    b.valid_from is null
                    or b.valid_from <= $35::date
                  )
                  and (
                    b.valid_to is null
                    or $36::date < b.valid_to
                  )
                where
                  ra.account_id = $37::uuid
                  and ra.deleted_at is null
                  and (
                    ra.valid_from is null
                    or ra.valid_from <= $38::date
                  )
                  and (
                    ra.valid_to is null
                    or $39::date < ra.valid_to
                  )
                  and (
                    r.permissions && array['work.report', 'work.accept']
                  )
              )
            ) as "is_lead",
            (t.assignee_account_id = $40::uuid) as "is_assignee",
            (t.responsible_person_id = $41::uuid) as "is_responsible",
            (
              exists (
                select
                  1
                from
                  task_cooperators tc
                where
                  tc.task_id = t.id
                  and tc.deleted_at is null
                  and (
                    tc.body_id in (
                      select
                        po.body_id
                      from
                        positions po
                        join accounts ac on ac.person_id = po.person_id
                      where
                        ac.id = $42::uuid
                        and po.deleted_at is null
                        and (
                          po.valid_from is null
                          or po.valid_from <= $43::date
                        )
                        and (
                          po.valid_to is null
                          or $44::date < po.valid_to
                        )
                      union
                      select
                        coalesce(ra.body_id, b.id)
                      from
                        role_assignments ra
                        join roles r on r.code = ra.role
                        left join bodies b on ra.body_id is null
                        and b.unit_id = ra.unit_id
                        and b.deleted_at is null
                        and (
                          b.valid_from is null
                          or b.valid_from <= $45::date
                        )
                        and (
                          b.valid_to is null
                          or $46::date < b.valid_to
                        )
                      where
                        ra.account_id = $47::uuid
                        and ra.deleted_at is null
                        and (
                          ra.valid_from is null
                          or ra.valid_from <= $48::date
                        )
                        and (
                          ra.valid_to is null
                          or $49::date < ra.valid_to
                        )
                        and (
                          r.permissions && array['work.report', 'work.accept']
                        )
                    )
                    or tc.person_id = $50::uuid
                  )
              )
            ) as "is_cooperate",
            (
              (
                t.status = 'reported_done'
                and t.programme_id in (
                  select
                    ap.id
                  from
                    programmes ap
                    join bodies ob on ob.id = ap.body_id
                  where
                    holds_over (
                      $51::uuid,
                      $52::date,
                      'work.accept',
                      ob.unit_id,
                      ob.id
                    )
                )
              )
            ) as "is_accept"
          from
            (
              select
                m.id,
                m.k0,
                m.k1,
                m.k2
              from
                m
              order by
                m.k0,
                m.k1,
                m.k2,
                m.id
              limit
                100
              offset
                $53
            ) pg
            join tasks t on t.id = pg.id
        ) r
    ),
    '[]'
  ) as page;
