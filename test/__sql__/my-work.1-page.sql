-- My work, statement 1 (myWorkPage): the officer’s open tasks in every role, counted by section, page 1 of 100.
-- Parameters:
--   $1 = "2025-03-14"
--   $2 = "2025-03-14"
--   $3 = "2025-03-14"
--   $4 = "2025-03-14"
--   $5 = "2025-03-14"
--   $6 = "2025-03-14"
--   $7 = ["0c000000-0000-4000-8000-000000000001","0c000000-0000-4000-8000-000000000002"]
--   $8 = "0a000000-0000-4000-8000-000000000001"
--   $9 = "2025-03-14"
--   $10 = "0a000000-0000-4000-8000-000000000001"
--   $11 = "2025-03-14"
--   $12 = "2025-03-14"
--   $13 = "2025-03-14"
--   $14 = "2025-03-14"
--   $15 = "0a000000-0000-4000-8000-000000000001"
--   $16 = "2025-03-14"
--   $17 = "2025-03-14"
--   $18 = "0a000000-0000-4000-8000-000000000001"
--   $19 = "0b000000-0000-4000-8000-000000000001"
--   $20 = "0a000000-0000-4000-8000-000000000001"
--   $21 = "2025-03-14"
--   $22 = "2025-03-14"
--   $23 = "2025-03-14"
--   $24 = "2025-03-14"
--   $25 = "0a000000-0000-4000-8000-000000000001"
--   $26 = "2025-03-14"
--   $27 = "2025-03-14"
--   $28 = "0b000000-0000-4000-8000-000000000001"
--   $29 = "0a000000-0000-4000-8000-000000000001"
--   $30 = "2025-03-14"
--   $31 = "accepted"
--   $32 = "cancelled"
--   $33 = "draft"
--   $34 = "0a000000-0000-4000-8000-000000000001"
--   $35 = "2025-03-14"
--   $36 = "2025-03-14"
--   $37 = "2025-03-14"
--   $38 = "2025-03-14"
--   $39 = "0a000000-0000-4000-8000-000000000001"
--   $40 = "2025-03-14"
--   $41 = "2025-03-14"
--   $42 = "0a000000-0000-4000-8000-000000000001"
--   $43 = "0b000000-0000-4000-8000-000000000001"
--   $44 = "0a000000-0000-4000-8000-000000000001"
--   $45 = "2025-03-14"
--   $46 = "2025-03-14"
--   $47 = "2025-03-14"
--   $48 = "2025-03-14"
--   $49 = "0a000000-0000-4000-8000-000000000001"
--   $50 = "2025-03-14"
--   $51 = "2025-03-14"
--   $52 = "0b000000-0000-4000-8000-000000000001"
--   $53 = "0a000000-0000-4000-8000-000000000001"
--   $54 = "2025-03-14"
--   $55 = 0

with
  m as materialized (
    (
      select
        "t"."id",
        case
          when t.status not in ('accepted', 'cancelled')
          and not (
            t.status = 'reported_done'
            and (
              t.due_date is null
              or coalesce(t.reported_done_on, t.due_date) <= t.due_date
            )
          )
          and t.due_date < $1::date then 0
          when t.status not in ('accepted', 'cancelled')
          and not (
            t.status = 'reported_done'
            and (
              t.due_date is null
              or coalesce(t.reported_done_on, t.due_date) <= t.due_date
            )
          )
          and t.due_date >= $2::date
          and t.due_date <= ($3::date + 7) then 1
          when t.status = 'reported_done'
          and (
            t.due_date is null
            or coalesce(t.reported_done_on, t.due_date) <= t.due_date
          ) then 2
          when t.status in ('accepted', 'cancelled') then 4
          else 3
        end as "k0",
        coalesce(t.due_date, 'infinity'::date) as "k1",
        "t"."number" as "k2",
        t.status not in ('accepted', 'cancelled')
        and not (
          t.status = 'reported_done'
          and (
            t.due_date is null
            or coalesce(t.reported_done_on, t.due_date) <= t.due_date
          )
        )
        and t.due_date < $4::date as "overdue",
        t.status not in ('accepted', 'cancelled')
        and not (
          t.status = 'reported_done'
          and (
            t.due_date is null
            or coalesce(t.reported_done_on, t.due_date) <= t.due_date
          )
        )
        and t.due_date >= $5::date
        and t.due_date <= ($6::date + 7) as "due_soon",
        t.status = 'reported_done'
        and (
          t.due_date is null
          or coalesce(t.reported_done_on, t.due_date) <= t.due_date
        ) as "awaiting"
      from
        "tasks" as "t"
      where
        "t"."deleted_at" is null
        and (
          "t"."programme_id" = any ($7::uuid[])
          or "t"."id" in (
            select
              visible_task_ids ($8::uuid, $9::date)
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
              ac.id = $10::uuid
              and po.deleted_at is null
              and (
                po.valid_from is null
                or po.valid_from <= $11::date
              )
              and (
                po.valid_to is null
                or $12::date < po.valid_to
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
                or b.valid_from <= $13::date
              )
              and (
                b.valid_to is null
                or $14::date < b.valid_to
              )
            where
              ra.account_id = $15::uuid
              and ra.deleted_at is null
              and (
                ra.valid_from is null
                or ra.valid_from <= $16::date
              )
              and (
                ra.valid_to is null
                or $17::date < ra.valid_to
              )
              and (
                r.permissions && array['work.report', 'work.accept']
              )
          )
          or t.assignee_account_id = $18::uuid
          or t.responsible_person_id = $19::uuid
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
                    ac.id = $20::uuid
                    and po.deleted_at is null
                    and (
                      po.valid_from is null
                      or po.valid_from <= $21::date
                    )
                    and (
                      po.valid_to is null
                      or $22::date < po.valid_to
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
                      or b.valid_from <= $23::date
                    )
                    and (
                      b.valid_to is null
                      or $24::date < b.valid_to
                    )
                  where
                    ra.account_id = $25::uuid
                    and ra.deleted_at is null
                    and (
                      ra.valid_from is null
                      or ra.valid_from <= $26::date
                    )
                    and (
                      ra.valid_to is null
                      or $27::date < ra.valid_to
                    )
                    and (
                      r.permissions && array['work.report', 'work.accept']
                    )
                )
                or tc.person_id = $28::uuid
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
                  $29::uuid,
                  $30::date,
                  'work.accept',
                  ob.unit_id,
                  ob.id
                )
            )
          )
        )
        and "t"."status" not in ($31, $32, $33)
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
        ),
        'awaiting',
        count(*) filter (
          where
            awaiting
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
                  ac.id = $34::uuid
                  and po.deleted_at is null
                  and (
                    po.valid_from is null
                    or po.valid_from <= $35::date
                  )
                  and (
                    po.valid_to is null
                    or $36::date < po.valid_to
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
                    or b.valid_from <= $37::date
                  )
                  and (
                    b.valid_to is null
                    or $38::date < b.valid_to
                  )
                where
                  ra.account_id = $39::uuid
                  and ra.deleted_at is null
                  and (
                    ra.valid_from is null
                    or ra.valid_from <= $40::date
                  )
                  and (
                    ra.valid_to is null
                    or $41::date < ra.valid_to
                  )
                  and (
                    r.permissions && array['work.report', 'work.accept']
                  )
              )
            ) as "is_lead",
            (t.assignee_account_id = $42::uuid) as "is_assignee",
            (t.responsible_person_id = $43::uuid) as "is_responsible",
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
                        ac.id = $44::uuid
                        and po.deleted_at is null
                        and (
                          po.valid_from is null
                          or po.valid_from <= $45::date
                        )
                        and (
                          po.valid_to is null
                          or $46::date < po.valid_to
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
                          or b.valid_from <= $47::date
                        )
                        and (
                          b.valid_to is null
                          or $48::date < b.valid_to
                        )
                      where
                        ra.account_id = $49::uuid
                        and ra.deleted_at is null
                        and (
                          ra.valid_from is null
                          or ra.valid_from <= $50::date
                        )
                        and (
                          ra.valid_to is null
                          or $51::date < ra.valid_to
                        )
                        and (
                          r.permissions && array['work.report', 'work.accept']
                        )
                    )
                    or tc.person_id = $52::uuid
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
                      $53::uuid,
                      $54::date,
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
                $55
            ) pg
            join tasks t on t.id = pg.id
        ) r
    ),
    '[]'
  ) as page;
