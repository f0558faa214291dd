import type { ReactNode } from 'react';
import type { Group, Task } from './work.api.ts';

/** A task in a view, with its place number ("2.3", "2.3.1") and the subtasks found in the same list. */
export type TaskNode = Task & { stt: string; children?: TaskNode[] };

/** A group's part of a view (group null: tasks outside any group). */
export type Section = { key: string; group: Group | null; roots: TaskNode[] };

/** What the programme's views (list, board, timeline) take. */
export type TaskViewProps = {
  sections: Section[];
  /** Shown in an empty view. */
  emptyText: ReactNode;
  /** Adds a task to a group (managers); absent for others. */
  onAdd?: (group: Group | null) => void;
  loading?: boolean;
};

/**
 * Arranges a programme's tasks as the office's Word programme does: groups numbered 1., 2., …, the tasks of each
 * numbered within it, and subtasks under their task. A task whose parent is not in the list (filtered out) stands
 * as a top-level task of its group. Empty groups are kept when `keepEmpty`.
 */
export function arrange(
  tasks: readonly Task[],
  groups: readonly Group[],
  keepEmpty: boolean,
  placeOf?: ReadonlyMap<string, string>,
): Section[] {
  const ids = new Set(tasks.map((t) => t.id));
  const kids = new Map<string, Task[]>();
  for (const t of tasks) {
    if (!t.parentId || !ids.has(t.parentId)) continue;
    kids.set(t.parentId, [...(kids.get(t.parentId) ?? []), t]);
  }
  const byNumber = (a: Task, b: Task) => a.number - b.number;
  const node = (t: Task, computed: string, depth: number): TaskNode => {
    // A filtered list keeps each task's place in the whole programme.
    const stt = placeOf?.get(t.id) ?? computed;
    const children =
      depth < 20 ? (kids.get(t.id) ?? []).sort(byNumber).map((c, j) => node(c, `${stt}.${j + 1}`, depth + 1)) : [];
    return children.length ? { ...t, stt, children } : { ...t, stt };
  };
  const roots = tasks.filter((t) => !t.parentId || !ids.has(t.parentId)).sort(byNumber);
  const sections: Section[] = [...groups]
    .sort((a, b) => a.position - b.position)
    .map((g) => ({
      key: g.id,
      group: g,
      roots: roots.filter((t) => t.groupId === g.id).map((t, i) => node(t, `${g.position}.${i + 1}`, 0)),
    }));
  const known = new Set(groups.map((g) => g.id));
  const outside = roots.filter((t) => !t.groupId || !known.has(t.groupId)).map((t, i) => node(t, String(i + 1), 0));
  if (outside.length) sections.push({ key: 'none', group: null, roots: outside });
  return keepEmpty ? sections : sections.filter((s) => s.roots.length > 0);
}

/** Each task's place number in the whole programme ("2.3.1"), to keep it when the list is filtered. */
export function placesOf(tasks: readonly Task[], groups: readonly Group[]): Map<string, string> {
  return new Map(
    arrange(tasks, groups, false)
      .flatMap((s) => flatten(s.roots))
      .map((n) => [n.id, n.stt]),
  );
}

/** Every node of a section, depth first. */
export function flatten(nodes: readonly TaskNode[]): TaskNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}
