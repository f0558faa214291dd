-- Rows of report_totals above the communes are now striped by the submission's commune (the village's parent in the
-- epoch of its period, or the unit itself when its level is 3 or less), no longer by the submission: a rebuild then
-- reads each value once. The unit rows are built again under the new rule; body rows do not change.
delete from report_totals where node_kind = 'unit';
with subs as (
  select s.id,
         (case when ut.level > 3 then ut.parent_id else ut.unit_id end) as base_id,
         (case when ut.level > 3 then subpath(ut.path, 0, nlevel(ut.path) - 1) else ut.path end)::text as base_path
    from report_submissions s
    join unit_tree ut on ut.unit_id = s.unit_id
     and (ut.valid_from is null or ut.valid_from <= s.period_end) and (ut.valid_to is null or s.period_end < ut.valid_to)
   where s.status = 'approved' and s.deleted_at is null
), per_commune as (
  select s.base_id, s.base_path, rv.indicator_id, rv.first_month, rv.last_month, rv.category,
         sum(rv.num) as sum, count(*) as count, max(rv.num) as max
    from subs s
    join report_values rv on rv.submission_id = s.id and rv.counted and rv.num is not null
   group by 1, 2, 3, 4, 5, 6
), above as (
  select b.base_id, b.base_path, a.id, a.level
    from (select distinct base_id, base_path from subs) b
    join units a on a.seq = any (string_to_array(b.base_path, '.')::bigint[]) and a.level <= 3
)
insert into report_totals (indicator_id, node_kind, node_id, first_month, last_month, category, stripe, sum, count, max)
select c.indicator_id, 'unit', a.id, c.first_month, c.last_month, c.category,
       (case when a.level < 3 then abs(hashtext(c.base_id::text)::bigint) % 8 else 0 end)::smallint,
       sum(c.sum), sum(c.count), max(c.max)
  from per_commune c
  join above a on a.base_id = c.base_id and a.base_path = c.base_path
 group by 1, 2, 3, 4, 5, 6, 7;
