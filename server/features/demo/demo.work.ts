import dayjs from 'dayjs';
import type { Actor, Trx } from '../../db/tx.ts';
import { insertTask } from '../work/index.ts';
import {
  GROUPS_2021,
  GROUPS_NOW,
  MC1_FRONT,
  OFFICE,
  TASKS_2021,
  TASKS_NOW,
  type Task2021,
  type TaskNow,
} from './demo.work.data.ts';
import * as repo from './demo.repository.ts';

/** Seeds the demo's work (demo.work.data.ts): the two programmes with their groups and tasks, each task moved to its
 * end state with a plausible history, and the ward's monthly briefing whose conclusions became tasks. Idempotent: a
 * programme already there for its body and year is left as it is. */
export async function seedDemoWork(trx: Trx, actor: Actor, today: string): Promise<number> {
  const body = async (name: string) => {
    const row = await repo.bodyNamed(trx, name);
    if (!row) throw new Error(`demo: no body "${name}"`);
    return row.id;
  };
  const person = async (name: string) => (await repo.personNamed(trx, name))?.id ?? null;
  const account = async (username: string) => (await repo.accountNamed(trx, username))?.id ?? null;
  const mongcai = await account('mongcai');
  const canbo = await account('canbo');
  let added = 0;

  // Moves a task to its end state with a realistic history: a progress report, the report of completion, acceptance.
  const finish = async (
    taskId: string,
    end: Task2021['end'] | TaskNow['end'],
    dates: { due: string; on?: string },
    reporter: string | null,
  ) => {
    const [state, v] = end;
    if (state === 'accepted' || state === 'late') {
      const on = dates.on!;
      await repo.insertTaskUpdate(trx, {
        task_id: taskId,
        kind: 'progress',
        progress: 60,
        note: 'Đang triển khai theo kế hoạch.',
        reported_by_person_id: reporter,
        reported_on: dayjs(on).subtract(20, 'day').format('YYYY-MM-DD'),
        entered_by: canbo,
      });
      await repo.insertTaskUpdate(trx, {
        task_id: taskId,
        kind: 'status',
        from_status: 'in_progress',
        to_status: 'reported_done',
        progress: 100,
        reported_by_person_id: reporter,
        reported_on: on,
        entered_by: canbo,
      });
      await repo.insertTaskUpdate(trx, {
        task_id: taskId,
        kind: 'status',
        from_status: 'reported_done',
        to_status: 'accepted',
        entered_by: mongcai,
      });
      await repo.setTask(trx, taskId, {
        status: 'accepted',
        reported_progress: 100,
        reported_done_on: on,
        accepted_on: on,
        accepted_by: mongcai,
      });
    } else if (state !== 'assigned') {
      const on = dates.on ?? today;
      await repo.insertTaskUpdate(trx, {
        task_id: taskId,
        kind: 'progress',
        progress: v,
        note: `Đã thực hiện được khoảng ${v}% khối lượng công việc.`,
        reported_by_person_id: reporter,
        reported_on: on,
        entered_by: canbo,
      });
      if (state === 'reported_done')
        await repo.insertTaskUpdate(trx, {
          task_id: taskId,
          kind: 'status',
          from_status: 'in_progress',
          to_status: 'reported_done',
          progress: 100,
          reported_by_person_id: reporter,
          reported_on: on,
          entered_by: canbo,
        });
      await repo.setTask(trx, taskId, {
        status: state,
        reported_progress: v,
        reported_done_on: state === 'reported_done' ? on : null,
      });
    }
  };

  const makeProgramme = async (bodyName: string, year: number, title: string, groups: string[]) => {
    const bodyId = await body(bodyName);
    if (await repo.programmeOf(trx, bodyId, year)) return null;
    const id = await repo.insertProgramme(trx, { body_id: bodyId, year, title, created_by: mongcai });
    const ids: string[] = [];
    for (const [i, name] of groups.entries())
      ids.push(await repo.insertTaskGroup(trx, { programme_id: id, position: i + 1, name }));
    return { id, groups: ids };
  };

  const p2021 = await makeProgramme(
    OFFICE,
    2021,
    'Chương trình công tác năm 2021 của Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái',
    GROUPS_2021,
  );
  if (p2021) {
    const lan = await person('Vũ Thị Lan');
    for (const t of TASKS_2021) {
      const id = await insertTask(trx, actor, t.start, {
        programmeId: p2021.id,
        groupId: p2021.groups[t.group - 1],
        kind: t.kind,
        title: t.title,
        leadBodyId: await body(t.lead),
        responsiblePersonId: await person('Nguyễn Văn Định'),
        startDate: t.start,
        dueDate: t.due,
        targetValue: t.target?.[0] ?? null,
        targetUnit: t.target?.[1] ?? null,
        cooperators: await Promise.all((t.coop ?? []).map(async (c) => ({ bodyId: await body(c) }))),
        assign: true,
      });
      if (t.result !== undefined) await repo.setTask(trx, id, { result_value: t.result });
      await finish(
        id,
        t.end,
        { due: t.due, on: t.end[0] === 'accepted' || t.end[0] === 'late' ? t.end[1] : undefined },
        lan,
      );
      added++;
    }
  }

  const year = Number(today.slice(0, 4));
  const pNow = await makeProgramme(
    MC1_FRONT,
    year,
    `Chương trình công tác năm ${year} của Ủy ban MTTQ Phường Móng Cái 1`,
    GROUPS_NOW,
  );
  if (pNow) {
    const clamp = (d: number) => {
      const x = dayjs(today).add(d, 'day').format('YYYY-MM-DD');
      return x < `${year}-01-01` ? `${year}-01-01` : x > `${year}-12-31` ? `${year}-12-31` : x;
    };
    for (const t of TASKS_NOW) {
      const start = clamp(t.start);
      const due = clamp(t.due);
      const id = await insertTask(trx, actor, start, {
        programmeId: pNow.id,
        groupId: pNow.groups[t.group - 1],
        kind: t.kind,
        title: t.title,
        leadBodyId: await body(t.lead),
        responsiblePersonId: t.person ? await person(t.person) : null,
        assigneeAccountId: t.lead === MC1_FRONT ? canbo : null,
        startDate: start,
        dueDate: due,
        targetValue: t.target?.[0] ?? null,
        targetUnit: t.target?.[1] ?? null,
        cooperators: await Promise.all(
          (t.coop ?? []).map(async (c) => ({ bodyId: await body(c), part: 'Vận động hội viên phụ nữ tham gia' })),
        ),
        assign: true,
      });
      await finish(
        id,
        t.end,
        { due, on: t.end[0] === 'accepted' ? clamp(t.end[1]) : clamp(Math.min(0, t.due - 3)) },
        await person(t.person ?? 'Vũ Thị Lan'),
      );
      added++;
    }
    // A monthly briefing of the ward's Front committee whose conclusions became tasks.
    const chair = await person('Nguyễn Văn Định');
    const held = clamp(-14);
    const briefingId = await repo.insertBriefing(trx, {
      body_id: await body(MC1_FRONT),
      programme_id: pNow.id,
      held_on: held,
      title: `Giao ban công tác tháng ${Number(held.slice(5, 7))}/${year}`,
      chair_person_id: chair,
      agenda: 'Đánh giá kết quả tháng; triển khai nhiệm vụ tháng tới.',
      minutes: 'Các đồng chí dự họp thống nhất đánh giá kết quả và phân công nhiệm vụ.',
      created_by: mongcai,
    });
    for (const name of ['Nguyễn Văn Định', 'Vũ Thị Lan', 'Trần Thị Hạnh', 'Hoàng Văn Tư'])
      await repo.insertBriefingAttendee(trx, { briefing_id: briefingId, person_id: await person(name), name });
    const linked = await repo.taskTitled(trx, pNow.id, 'Vận động xây dựng mô hình tổ dân cư');
    await repo.insertBriefingConclusion(trx, {
      briefing_id: briefingId,
      position: 1,
      text: 'Vận động xây dựng mô hình tổ dân cư tự quản an toàn',
      task_id: linked.id,
    });
    await repo.insertBriefingConclusion(trx, {
      briefing_id: briefingId,
      position: 2,
      text: 'Chuẩn bị tổng kết công tác Mặt trận năm và chăm lo Tết cho hộ nghèo',
    });
  }
  return added;
}
