-- Issue 6: a right as a set-returning SQL function, which PostgreSQL inlines into the statement that asks.
--
-- A task page asks four rights (manage over the owner body or the lead body, accept over the owner body, report over
-- the lead body) and one per cooperating body. Each holds_over call is a PL/pgSQL call that runs its own query:
-- 0.2–0.5 ms apiece under load, most of the page's time in the database. holds_rows is the same rule as one row of
-- one column; used in FROM (`(select ok from holds_rows(…))`) it is inlined and planned with the statement (once, in
-- its prepared plan), so a right costs a few index probes. holds_over is now its scalar form, so there is one rule.

create function holds_rows(acc uuid, d date, perm text, unit uuid, body uuid) returns table (ok boolean) language sql stable as $$
  select exists (
    select 1 from account_scope(acc, d, perm) s
    join unit_tree u on u.unit_id = unit and (u.valid_from is null or u.valid_from <= d) and (u.valid_to is null or d < u.valid_to)
    where u.path <@ s.path and (s.body_id is null or s.body_id = any (body_line(body))))
$$;

create or replace function holds_over(acc uuid, d date, perm text, unit uuid, body uuid) returns boolean language plpgsql stable as $$
begin
  return (select h.ok from holds_rows(acc, d, perm, unit, body) h);
end
$$;
