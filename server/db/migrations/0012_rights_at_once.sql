-- Issue 6: several rights of one account in one call, same rule.
--
-- A task page asks four rights (manage over the owner body or the lead body, accept over the owner body, report
-- over the lead body) and one per cooperating body; each holds_over call read the account's assignments, their
-- roles and their units again (about half of the page's time in the database). holds_each reads them once and
-- answers a list of (permission, unit, body) questions; holds_over is now its one-question case, so there is one
-- rule.

create or replace function holds_each(acc uuid, d date, perms text[], units uuid[], bodies uuid[]) returns boolean[] language plpgsql stable as $$
begin
  return (
    with s as materialized (
      select a.path, ra.body_id, r.permissions
        from role_assignments ra
        join roles r on r.code = ra.role
        join unit_tree a on a.unit_id = ra.unit_id and (a.valid_from is null or a.valid_from <= d) and (a.valid_to is null or d < a.valid_to)
       where ra.account_id = acc and ra.deleted_at is null
         and (ra.valid_from is null or ra.valid_from <= d) and (ra.valid_to is null or d < ra.valid_to))
    select coalesce(array_agg(exists (
        select 1 from s
          join unit_tree u on u.unit_id = x.unit and (u.valid_from is null or u.valid_from <= d) and (u.valid_to is null or d < u.valid_to)
         where x.perm = any (s.permissions) and u.path <@ s.path and (s.body_id is null or s.body_id = any (body_line(x.body))))
        order by x.i), '{}')
      from unnest(perms, units, bodies) with ordinality as x(perm, unit, body, i));
end
$$;

create or replace function holds_over(acc uuid, d date, perm text, unit uuid, body uuid) returns boolean language plpgsql stable as $$
begin
  return (holds_each(acc, d, array[perm], array[unit], array[body]))[1];
end
$$;
