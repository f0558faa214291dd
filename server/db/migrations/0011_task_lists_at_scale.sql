-- Issue 6, at 100,000 tasks.
--
-- Lists filter on a group or an assignee with a status. With only (group_id) and (assignee_account_id) indexed, a
-- list by assignee, group and status read 5,000 and 7,000 index entries and visited 335 heap pages to keep 72 rows,
-- and a group's tasks in one status (1,724 of them, each counted, the first 25 shown) visited 1,510 heap pages:
-- 6.9 ms. With the status beside each, and what the list's filter, scope and order read carried in the index, both
-- are index-only scans: 0.3 ms and 1.6 ms.
create index tasks_group_status_idx on tasks (group_id, status) include (programme_id, assignee_account_id, number, id) where deleted_at is null;
-- The assignee's index also keys the group: a list by assignee, status and group then seeks its 90 entries instead of
-- reading the assignee's 1,300 in that status (at 100,000 tasks); by assignee and status alone it is the same index.
create index tasks_assignee_status_idx on tasks (assignee_account_id, status, group_id) include (programme_id, number, id) where deleted_at is null;

-- Search reads a narrow copy of each task's title. Finding "Tra Co" among 100,000 tasks visits every task whose
-- title holds its trigrams: 7,700 rows on 4,200 pages of the wide tasks table (13 ms of the 16), and on 2,200
-- pages here (11 ms instead of 14, the count and the order included). One row per task that is not deleted, kept
-- by the trigger below in the statement that writes the task; the trigram index moves here.
--
-- Its pending list is kept short. A GIN index gathers new entries in a pending list that every search reads through
-- until the list is merged (at 4 MB by default, or by vacuum): after 4,585 tasks created the planner gave up the
-- index and read all 100,000 titles, 46 ms instead of 17. Merged at 64 kB, the list holds a few dozen titles; with
-- no list at all (fastupdate off) each new task wrote some forty index pages and creating was 15 % slower.
create table task_search (
  id uuid primary key references tasks (id) on delete cascade,
  programme_id uuid not null,
  group_id uuid,
  number integer not null,
  title text not null,
  title_fold text not null
);
insert into task_search (id, programme_id, group_id, number, title, title_fold)
  select id, programme_id, group_id, number, title, title_fold from tasks where deleted_at is null;
create index task_search_fold_idx on task_search using gin (title_fold gin_trgm_ops) with (gin_pending_list_limit = 64);
drop index tasks_fold_idx;

create function task_search_sync() returns trigger language plpgsql as $$
begin
  if new.deleted_at is not null then
    delete from task_search where id = new.id;
  else
    insert into task_search (id, programme_id, group_id, number, title, title_fold)
      values (new.id, new.programme_id, new.group_id, new.number, new.title, new.title_fold)
    on conflict (id) do update set programme_id = excluded.programme_id, group_id = excluded.group_id, number = excluded.number,
      title = excluded.title, title_fold = excluded.title_fold;
  end if;
  return null;
end
$$;
create trigger tasks_search_sync after insert or update of programme_id, group_id, number, title, title_fold, deleted_at on tasks
  for each row execute function task_search_sync();
