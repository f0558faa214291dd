import type { Lang } from '../../i18n/messages.ts';
import { countTasks, type Counts } from './rollup.ts';
import type { ProgrammeRow, ProgrammeTaskFacts } from './programmes.repository.ts';
import { presentTask } from './task.presenter.ts';
import type { TaskReported } from './task.reported.ts';
import type { TaskRow } from './tasks.repository.ts';

type Kind = { code: string; name_vi: string; name_en: string; shown_apart: boolean };
/** A task of a programme as the counts read it, with its progress by the rollup rule. */
type CountedTask = Omit<ProgrammeTaskFacts, 'reported_progress' | 'visible'> & { progress: number };
type GroupRow = {
  id: string;
  position: number;
  name: string;
  lead_body_id: string | null;
  lead_body_name: string | null;
  version: number;
};

export const presentKind = (k: Kind, lang: Lang) => ({
  code: k.code,
  name: lang === 'en' ? k.name_en : k.name_vi,
  shownApart: k.shown_apart,
});

/** A programme as the lists give it: counts over its top-level tasks the caller reads. */
export function presentProgramme(r: ProgrammeRow, tasks: readonly CountedTask[], today: string, canManage: boolean) {
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    unitName: r.unit_name,
    year: r.year,
    title: r.title,
    description: r.description,
    copiedFromId: r.copied_from_id,
    groupCount: r.group_count,
    counts: countTasks(
      tasks.filter((t) => t.programme_id === r.id && !t.parent_id),
      today,
    ),
    canManage,
    version: r.version,
  };
}

/** A group with the counts of its top-level tasks. */
export function presentGroup(g: GroupRow, top: readonly CountedTask[], today: string) {
  return {
    id: g.id,
    position: g.position,
    name: g.name,
    leadBodyId: g.lead_body_id,
    leadBodyName: g.lead_body_name,
    counts: countTasks(
      top.filter((t) => t.group_id === g.id),
      today,
    ),
    version: g.version,
  };
}

/** The leader's overview: counts per group, per lead body and per kind; the kinds shown apart with their tasks. */
export function presentOverview(
  detail: { programme: ReturnType<typeof presentProgramme>; groups: ReturnType<typeof presentGroup>[] },
  tasks: readonly CountedTask[],
  bodies: readonly { id: string; name: string }[],
  kinds: readonly ReturnType<typeof presentKind>[],
  apartRows: readonly TaskRow[],
  lang: Lang,
  today: string,
  reported?: ReadonlyMap<string, TaskReported>,
) {
  const top = tasks.filter((t) => !t.parent_id);
  const counts = (keep: (t: CountedTask) => boolean): Counts => countTasks(top.filter(keep), today);
  const progress = new Map(tasks.map((t) => [t.id, t.progress]));
  return {
    programme: detail.programme,
    totals: countTasks(top, today),
    groups: detail.groups.map((g) => ({ groupId: g.id, position: g.position, name: g.name, counts: g.counts })),
    ungrouped: counts((t) => !t.group_id),
    bodies: bodies
      .map((b) => ({ bodyId: b.id, bodyName: b.name, counts: counts((t) => t.lead_body_id === b.id) }))
      .sort((a, b) => b.counts.total - a.counts.total || a.bodyName.localeCompare(b.bodyName, 'vi')),
    kinds: kinds.map((k) => ({
      kind: k.code,
      name: k.name,
      shownApart: k.shownApart,
      counts: counts((t) => t.kind === k.code),
    })),
    apart: kinds
      .filter((k) => k.shownApart)
      .map((k) => ({
        kind: k.code,
        name: k.name,
        counts: counts((t) => t.kind === k.code),
        tasks: apartRows
          .filter((r) => r.kind === k.code)
          .map((r) => presentTask(r, lang, today, progress, [], reported)),
      })),
  };
}
