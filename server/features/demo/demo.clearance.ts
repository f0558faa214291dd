import dayjs from 'dayjs';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { insertHousehold, insertKeyProject, insertVisit, recordConsent } from '../clearance/index.ts';
import { insertDialogue, type NewDialogue } from '../dialogues/index.ts';
import { unitByCode, unitChildren } from '../units/index.ts';
import { insertTask } from '../work/index.ts';
import {
  COMMISSIONED_TASK,
  DIALOGUES,
  MC1_FRONT,
  PROJECT_SEED,
  PROJECTS,
  plannedHouseholds,
  random,
  type PlannedHousehold,
  type ProjectSpec,
} from './demo.clearance.data.ts';
import * as mine from './demo.clearance.repository.ts';
import * as repo from './demo.repository.ts';

/** The first day the demo's ward bodies and roles exist (the reform of 1/7/2025), plus one. */
export const WARDS_FROM = '2025-07-02';

/** Where the demo's clearance and petitions begin: the previous year's start, never before the wards existed. */
export function windowStart(today: string): string {
  return [WARDS_FROM, `${Number(today.slice(0, 4)) - 1}-01-02`].sort().at(-1)!;
}

const add = (day: string, n: number) => dayjs(day).add(n, 'day').format('YYYY-MM-DD');
const between = (a: string, b: string) => dayjs(b).diff(dayjs(a), 'day');
const maxDay = (...d: string[]) => d.sort().at(-1)!;
const minDay = (...d: string[]) => d.sort()[0]!;

export type ClearanceSeeded = { projects: number; households: number; visits: number; dialogues: number };

/**
 * Seeds the key projects of Móng Cái (demo.clearance.data.ts) through the clearance module's transaction-level
 * writes: each project with its affected units and milestone, its households with their consent over the months
 * (the visits of the ward's officers that brought each change in Móng Cái 1, the other wards' changes as their
 * teams reported them), the ward's commissioned mobilisation task that pays for it (through the work module), and
 * the dialogues with their follow-up tasks (through the dialogues module). Dated from the demo's window (windowStart)
 * to `today`. Idempotent: nothing is added when the first project is there.
 */
export async function seedDemoClearance(db: Database, actor: Actor, today: string): Promise<ClearanceSeeded> {
  const none = { projects: 0, households: 0, visits: 0, dialogues: 0 };
  const body = async (name: string) => {
    const row = await repo.bodyNamed(db, name);
    if (!row) throw new Error(`demo: no body "${name}"`);
    return row.id;
  };
  const mc1Front = await body(MC1_FRONT);
  if (await mine.projectOfBody(db, mc1Front, PROJECTS[0]!.code)) return none;
  const person = async (name: string) => {
    const row = await repo.personNamed(db, name);
    if (!row) throw new Error(`demo: no person "${name}"`);
    return row.id;
  };
  const canbo = (await repo.accountNamed(db, 'canbo'))?.id ?? null;
  const mongcai = (await repo.accountNamed(db, 'mongcai'))?.id ?? null;
  const asCanbo: Actor = { ...actor, accountId: canbo };
  const lan = { personId: await person('Vũ Thị Lan'), name: 'Vũ Thị Lan' };
  const tu = { personId: await person('Hoàng Văn Tư'), name: 'Hoàng Văn Tư' };
  const dinh = { personId: await person('Nguyễn Văn Định'), name: 'Nguyễn Văn Định' };
  const unit = async (code: string) => {
    const u = await unitByCode(db, code, today);
    if (!u) throw new Error(`demo: no unit ${code} on ${today}`);
    return u.unit_id;
  };
  const villages = new Map<string, string>();
  for (const v of await unitChildren(db, await unit('06712'), today)) villages.set(`06712:${v.name}`, v.unit_id);

  // The commissioned task of the ward's programme of the year (demo.work.ts made the programme).
  const year = Number(today.slice(0, 4));
  const programme = await repo.programmeOf(db, mc1Front, year);
  let taskId: string | null = null;
  if (programme) {
    const group = await mine.groupNamed(db, programme.id, COMMISSIONED_TASK.group);
    taskId = await inTransaction(db, actor, (trx) =>
      insertTask(trx, actor, today, {
        programmeId: programme.id,
        groupId: group?.id,
        kind: 'commissioned',
        title: COMMISSIONED_TASK.title,
        leadBodyId: mc1Front,
        responsiblePersonId: lan.personId,
        assigneeAccountId: canbo,
        startDate: minDay(today, `${year}-01-05`),
        dueDate: `${year}-12-20`,
        targetValue: COMMISSIONED_TASK.target[0],
        targetUnit: COMMISSIONED_TASK.target[1],
        cooperators: [],
        assign: true,
      }),
    );
  }

  let households = 0;
  let visits = 0;
  const projects = new Map<string, { id: string; households: string[]; start: string }>();
  // The projects side by side, each in its own transaction (their households' numbers are their own).
  const affected = new Map(
    await Promise.all(PROJECTS.flatMap((p) => p.affected).map(async (c) => [c, await unit(c)] as const)),
  );
  const mc1Unit = await unitOfBody(db, mc1Front);
  const units = new Map([...affected, ['06712', mc1Unit]]);
  const seedProject = (p: ProjectSpec) =>
    inTransaction(db, actor, async (trx) => {
      const start = add(windowStart(today), p.startAfter);
      const planned =
        p.plannedAgo !== undefined
          ? add(today, -p.plannedAgo)
          : add(today, Math.round(between(start, today) * p.plannedShare!));
      const completedOn = p.completedAgo === undefined ? null : add(today, -p.completedAgo);
      const ownerId = await body(p.owner);
      const owner = await unitOfBody(db, ownerId);
      const id = await insertKeyProject(trx, actor, {
        code: p.code,
        name: p.name,
        investor: p.investor,
        description: p.description,
        householdTotal: p.householdTotal,
        startDate: start,
        plannedCompletionDate: planned,
        completedOn,
        taskId: p.commissioned ? taskId : null,
        affectedUnitIds: p.affected.map((c) => units.get(c)!),
        milestones: p.milestone
          ? [
              {
                dueOn: add(start, Math.round(between(start, planned) * p.milestone.at)),
                title: p.milestone.title,
                targetPercent: p.milestone.targetPercent,
              },
            ]
          : [],
        bodyId: ownerId,
        unitId: owner,
      });
      const planned_ = plannedHouseholds(p, PROJECT_SEED[p.code]!);
      const ids: string[] = [];
      const end = completedOn ?? today;
      // The ward's officers logged their visits in Móng Cái 1 while the project ran; the rest was reported.
      const visited = (h: PlannedHousehold) => h.group.unitCode === '06712' && !completedOn;
      const steps = consentDays(p, planned_, start, end, visited);
      for (const [i, h] of planned_.entries()) {
        const unitId =
          (h.group.village && villages.get(`${h.group.unitCode}:${h.group.village}`)) || units.get(h.group.unitCode)!;
        const hid = await insertHousehold(trx, actor, today, id, {
          headName: h.headName,
          address: h.group.address,
          unitId,
          landArea: h.landArea,
          status: 'not_agreed',
          statusOn: start,
        });
        ids.push(hid);
        households++;
        // In Móng Cái 1 the ward's officers went door to door and logged each change; elsewhere the other wards'
        // teams reported the changes.
        const ward = visited(h);
        const team = i % 2 ? [lan, tu] : [lan, dinh];
        for (const s of steps[i]!) {
          if (ward && s.status !== 'handed_over') {
            await insertVisit(trx, asCanbo, today, id, {
              householdId: hid,
              visitedOn: s.on,
              outcome: OUTCOME[s.status],
              members: team,
              newStatus: s.status,
            });
            visits++;
          } else
            await recordConsent(trx, ward ? asCanbo : actor, today, hid, {
              status: s.status,
              onDate: s.on,
              note:
                s.status === 'handed_over'
                  ? 'Bàn giao mặt bằng cho đơn vị thi công.'
                  : 'Tổ công tác của địa phương báo cáo.',
            });
        }
        // Those still to persuade had a visit in the last weeks.
        if (ward && (h.final === 'not_agreed' || h.final === 'mobilising')) {
          await insertVisit(trx, asCanbo, today, id, {
            householdId: hid,
            visitedOn: add(today, -(3 + ((i * 7) % 22))),
            outcome: h.final === 'not_agreed' ? STILL_NOT : STILL_THINKING,
            members: team,
          });
          visits++;
        }
      }
      projects.set(p.code, { id, households: ids, start });
    });
  await Promise.all(PROJECTS.map(seedProject));

  // Dialogues of the ward's Front committee, with their follow-up tasks in its programme.
  const yearStart = `${year}-01-01`;
  let dialogues = 0;
  for (const d of DIALOGUES) {
    const project = projects.get(d.project)!;
    const heldOn = maxDay(project.start, add(today, -d.ago));
    const heads = plannedHouseholds(
      PROJECTS.find((p) => p.code === d.project)!,
      PROJECT_SEED[d.project]!,
    );
    const attendees: NewDialogue['attendees'] = [
      ...(await Promise.all(
        d.officials.map(async (o) => ({
          kind: 'official' as const,
          person_id: o.person ? await person(o.person) : null,
          account_id: null,
          household_id: null,
          name: o.person ?? o.name!,
          role: o.role,
        })),
      )),
      ...d.residents.map((i) => ({
        kind: 'resident' as const,
        person_id: null,
        account_id: null,
        household_id: project.households[i]!,
        name: heads[i]!.headName,
        role: 'Chủ hộ',
      })),
    ];
    const start = maxDay(heldOn, yearStart);
    await inTransaction(db, actor, async (trx) =>
      insertDialogue(trx, { ...actor, accountId: mongcai }, null, today, {
        bodyId: mc1Front,
        unitId: mc1Unit,
        projectId: project.id,
        heldOn,
        title: d.title,
        place: d.place,
        chairPersonId: dinh.personId,
        minutes: d.minutes,
        attendees,
        outcomes: await Promise.all(
          d.outcomes.map(async (o) => ({
            text: o.text,
            task:
              o.task && programme
                ? {
                    programmeId: programme.id,
                    kind: 'specialised',
                    title: o.task.title,
                    leadBodyId: mc1Front,
                    responsiblePersonId: await person(o.task.person),
                    assigneeAccountId: o.task.assignCanbo ? canbo : undefined,
                    startDate: start,
                    dueDate: maxDay(start, minDay(add(today, o.task.dueIn), `${year}-12-31`)),
                    priority: o.task.priority,
                    assign: true,
                  }
                : undefined,
          })),
        ),
      }),
    );
    dialogues++;
  }
  return { projects: projects.size, households, visits, dialogues };
}

const OUTCOME: Record<'mobilising' | 'agreed', string> = {
  mobilising:
    'Tuyên truyền chủ trương, chính sách bồi thường, hỗ trợ, tái định cư; gia đình đang cân nhắc phương án bồi thường.',
  agreed: 'Gia đình đồng ý với phương án bồi thường, hỗ trợ và cam kết bàn giao mặt bằng đúng hẹn.',
};
const STILL_NOT = 'Gia đình chưa đồng ý, đề nghị xem xét lại đơn giá bồi thường đất nông nghiệp.';
const STILL_THINKING = 'Gia đình cơ bản nhất trí, đề nghị được hỗ trợ thêm chi phí di chuyển tài sản.';

async function unitOfBody(q: Database, bodyId: string): Promise<string> {
  const row = await mine.bodyUnit(q, bodyId);
  if (!row) throw new Error(`demo: no body ${bodyId}`);
  return row.unit_id;
}

type Step = { status: 'mobilising' | 'agreed' | 'handed_over'; on: string };

/**
 * The days each household's consent changed, from the project's start to `end` (today, or the day the site was
 * handed over): the households that agreed did so one after another at an even pace across the period (so the
 * consent curve climbs steadily) — those the ward's officers visited after some weeks of mobilisation, logged too —
 * and handed over their land some weeks later;
 * those still being persuaded began in the period's second half.
 */
function consentDays(
  p: ProjectSpec,
  list: PlannedHousehold[],
  start: string,
  end: string,
  visited: (h: PlannedHousehold) => boolean,
): Step[][] {
  const rnd = random(PROJECT_SEED[p.code]! + 7);
  const span = Math.max(between(start, end), 20);
  const consenting = list.filter((h) => h.final === 'agreed' || h.final === 'handed_over').length;
  let k = 0;
  return list.map((h) => {
    const at = (d: number) => minDay(end, add(start, Math.max(1, Math.round(d))));
    if (h.final === 'agreed' || h.final === 'handed_over') {
      const agreed = 8 + ((k++ + 0.5) / consenting) * (span - 14);
      const mobilised = at(Math.max(2, agreed - 10 - rnd() * 25));
      const steps: Step[] = [
        ...(visited(h) ? [{ status: 'mobilising' as const, on: mobilised }] : []),
        { status: 'agreed', on: at(agreed) },
      ];
      if (h.final === 'handed_over') steps.push({ status: 'handed_over', on: at(agreed + 3 + rnd() * 20) });
      return steps;
    }
    if (h.final === 'mobilising') return [{ status: 'mobilising', on: at(span * (0.5 + rnd() * 0.4)) }];
    return [];
  });
}
