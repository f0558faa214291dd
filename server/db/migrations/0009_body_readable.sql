-- One rule for reading a body's records (programmes, briefings): whoever reads the body — its unit's subtree in any
-- epoch (unit ids stay in the paths, so the province still reads an abolished district's body), narrowed to the
-- body's line where the role says so — and the scope of the bodies that succeeded it (the city bloc office → the
-- wards' Front committees, 1/7/2025). programme_readable becomes this rule applied to the programme's owner.
create function body_readable(acc uuid, d date, body uuid) returns boolean language sql stable as $$
  select exists (
    select 1 from bodies b
    join unit_tree bu on bu.unit_id = b.unit_id
    join account_scope(acc, d, 'read') s on bu.path <@ s.path
    where b.id = body and (s.body_id is null or s.body_id = any (body_line(b.id))))
  or exists (
    select 1 from body_links bl
    join bodies sb on sb.id = bl.to_body_id
    join unit_tree su on su.unit_id = sb.unit_id and (su.valid_from is null or su.valid_from <= d) and (su.valid_to is null or d < su.valid_to)
    join account_scope(acc, d, 'read') s on su.path <@ s.path
    where bl.from_body_id = body and (s.body_id is null or s.body_id = any (body_line(sb.id))))
$$;

create or replace function programme_readable(acc uuid, d date, prog uuid) returns boolean language sql stable as $$
  select exists (select 1 from programmes p where p.id = prog and body_readable(acc, d, p.body_id))
$$;
