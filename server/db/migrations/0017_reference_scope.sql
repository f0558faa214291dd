-- What a write may refer to. Every id a request names (a lead body, a cooperating body, a person, an account) is
-- checked against the record the write is about — its owner body's unit — and the caller's scope, so that nobody can
-- hand a task, its rights or another ward's records to someone outside (docs/security.md, "References").
--
-- The roots of a write: the owner unit's subtree (in every epoch: unit ids stay in the paths), narrowed to the
-- caller's read scope where that is narrower (a ward officer breaking down the city's task reaches only its ward).
-- A null account is an administrator or the system (demo data, a copy's own rule): the owner's subtree whole.
create function reference_roots(acc uuid, d date, owner_unit uuid) returns ltree[] language plpgsql stable as $$
begin
  if acc is null then
    return (select coalesce(array_agg(distinct o.path), '{}') from unit_tree o where o.unit_id = owner_unit);
  end if;
  return (
    select coalesce(array_agg(distinct case when s.path <@ o.path then s.path else o.path end), '{}')
    from unit_tree o
    join account_scope(acc, d, 'read') s on s.path <@ o.path or o.path <@ s.path
    where o.unit_id = owner_unit);
end
$$;

-- Whether a unit lies under one of the roots in some epoch.
create function unit_under(unit uuid, roots ltree[]) returns boolean language sql stable as $$
  select exists (select 1 from unit_tree x where x.unit_id = unit and x.path <@ roots)
$$;

-- A body that may lead the work (a task's or a group's lead body): a body of a unit under the roots. A role narrowed
-- to one organisation (the bloc office's leader) still hands work to the other bodies of its units.
create function reference_lead_body(roots ltree[], body uuid) returns boolean language sql stable as $$
  select exists (select 1 from bodies b where b.id = body and b.deleted_at is null and unit_under(b.unit_id, roots))
$$;

-- A body that may take part (a cooperating body, the body an attendee came for): one that may lead; one above such
-- a body in its line (ngành dọc: the city's Women's Union for a ward's); or a body outside the bloc (Party
-- committee, mobilisation board, People's Council or Committee) of the owner's unit or a unit above it.
create function reference_near_body(roots ltree[], owner_unit uuid, body uuid) returns boolean language plpgsql stable as $$
begin
  if not exists (select 1 from bodies b where b.id = body and b.deleted_at is null) then
    return false;
  end if;
  return reference_lead_body(roots, body)
    or exists (
      with recursive down(id, unit_id, depth) as (
        select c.id, c.unit_id, 1 from bodies c where c.parent_id = body and c.deleted_at is null
        union all
        select c.id, c.unit_id, down.depth + 1 from bodies c join down on c.parent_id = down.id where c.deleted_at is null and down.depth < 20
      )
      select 1 from down where unit_under(down.unit_id, roots))
    or exists (
      select 1 from bodies b
      join body_kinds k on k.code = b.kind and not k.in_bloc
      join unit_tree bu on bu.unit_id = b.unit_id
      join unit_tree o on o.unit_id = owner_unit and o.path <@ bu.path
      where b.id = body);
end
$$;

-- An account that may follow the work: it has (or had) a role on a unit under the roots, or its person may be named.
create function reference_account(roots ltree[], account uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from accounts a where a.id = account and a.deleted_at is null)
    and (exists (select 1 from role_assignments ra where ra.account_id = account and ra.deleted_at is null and unit_under(ra.unit_id, roots))
      or exists (select 1 from accounts a join positions p on p.person_id = a.person_id and p.deleted_at is null
                 join bodies b on b.id = p.body_id where a.id = account and unit_under(b.unit_id, roots)));
end
$$;

-- A person who may be named responsible: one who holds or held a position in a body of a unit under the roots, or
-- whose account has (or had) a role there.
create function reference_person(roots ltree[], person uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from people pe where pe.id = person and pe.deleted_at is null)
    and (exists (select 1 from positions p join bodies b on b.id = p.body_id where p.person_id = person and p.deleted_at is null and unit_under(b.unit_id, roots))
      or exists (select 1 from accounts a join role_assignments ra on ra.account_id = a.id and ra.deleted_at is null
                 where a.person_id = person and a.deleted_at is null and unit_under(ra.unit_id, roots)));
end
$$;

-- A person who may take part (a cooperating body's person, an attendee, a chair, who reported): one who may be named
-- responsible, or who holds or held a position in a body that may take part.
create function reference_near_person(roots ltree[], owner_unit uuid, person uuid) returns boolean language plpgsql stable as $$
begin
  return reference_person(roots, person)
    or exists (select 1 from people pe where pe.id = person and pe.deleted_at is null)
      and exists (select 1 from positions p where p.person_id = person and p.deleted_at is null and reference_near_body(roots, owner_unit, p.body_id));
end
$$;

-- One entry point for the server: whether the id may be named under the rule, for a write about owner_unit.
create function reference_ok(roots ltree[], owner_unit uuid, rule text, id uuid) returns boolean language plpgsql stable as $$
begin
  return case rule
    when 'lead' then reference_lead_body(roots, id)
    when 'near' then reference_near_body(roots, owner_unit, id)
    when 'person' then reference_person(roots, id)
    when 'nearPerson' then reference_near_person(roots, owner_unit, id)
    when 'account' then reference_account(roots, id)
  end;
end
$$;
