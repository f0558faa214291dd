-- Issue 6: the assignments an account holds on a day, with all their permissions, for the server to remember.
--
-- A task page asked holds_rows six times (manage over the owner body and over the lead body, accept over the owner
-- body, report over the lead body, report over each cooperating body). Inlined, each is a join of four scans, and
-- PostgreSQL initialises every node of a plan on every execution, run or not: under load two fifths of the
-- database's time on a task page went to ExecutorStart, and the rights were a quarter of the statement's
-- instructions. account_grants is account_scope (migration 0007) with every permission of each assignment instead
-- of one; the server remembers it with the caller's identity (at most a second, forgotten on this server by every
-- commit that may change a role or a unit) and applies holds_rows's rule to the unit paths and body line of the
-- bodies a statement returns (work.scope.ts, grantsHold). A test holds both forms of the rule to the same answers.
create function account_grants(acc uuid, d date) returns table (path ltree, body_id uuid, permissions text[]) language sql stable as $$
  select a.path, ra.body_id, r.permissions
  from role_assignments ra
  join roles r on r.code = ra.role
  join unit_tree a on a.unit_id = ra.unit_id and (a.valid_from is null or a.valid_from <= d) and (a.valid_to is null or d < a.valid_to)
  where ra.account_id = acc and ra.deleted_at is null
    and (ra.valid_from is null or ra.valid_from <= d) and (ra.valid_to is null or d < ra.valid_to)
$$;
