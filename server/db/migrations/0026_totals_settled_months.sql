-- The months before `month` are settled: their rows of report_totals above the communes are no longer striped, every
-- approval or reopening of a report of theirs adds into stripe 0, where the daily job has folded the other stripes
-- (totals.write.repository.ts, settleMonths). A national pivot of a year then reads one row per month and node for
-- most of the year instead of eight. 0: nothing settled yet.
create table report_totals_settled (
  one boolean primary key default true check (one),
  month integer not null default 0
);
insert into report_totals_settled default values;
