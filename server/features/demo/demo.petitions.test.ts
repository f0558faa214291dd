import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { PASSWORD } from '../../../test/factories.ts';
import { seedDemo } from './demo.seed.ts';

type Project = {
  id: string;
  code: string;
  name: string;
  summary: {
    households: number;
    consentPercent: number | null;
    expectedPercent: number;
    status: string;
    dialogues: number;
    openPetitions: number;
    visitsLast30Days: number;
  };
};
type Item = {
  id: string;
  summary: string;
  state: string;
  kind: string | null;
  channel: string;
  registerNumber: string | null;
  project: { id: string } | null;
  petitionerNames: string[];
  identityVisible: boolean;
  overdue: boolean;
};

describe('demo site clearance and petitions', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  const get = async <T>(url: string, session: Session): Promise<T> => {
    const r = await call(t().app, { url, session });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<T>();
  };

  it('tells a leader which clearance meets its schedule, which petitions are open and which one is late; only the ward sees who wrote', async () => {
    const first = await seedDemo(t().ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
    expect(first).toMatchObject({ projectsAdded: 3, dialoguesAdded: 2, petitionsAdded: 22 });
    const mongcai = await signIn(t().app, 'mongcai', PASSWORD);
    const canbo = await signIn(t().app, 'canbo', PASSWORD);
    const admin = await signIn(t().app, 'admin', PASSWORD);

    // The ward's leader reads the three projects: Bắc Luân II on schedule, the expressway behind, the ICD done.
    const projects = (await get<{ items: Project[] }>('/api/key-projects?pageSize=50', mongcai)).items;
    const byCode = Object.fromEntries(projects.map((p) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual(['BLII-DD', 'CT-VDMC', 'ICD-MR']);
    const figures = (code: string) => {
      const s = byCode[code]!.summary;
      return [s.households, s.consentPercent, s.status, s.openPetitions, s.dialogues];
    };
    expect(figures('BLII-DD')).toEqual([24, 75, 'on_schedule', 4, 1]);
    expect(figures('CT-VDMC')).toEqual([34, 41.2, 'behind', 5, 1]);
    expect(figures('ICD-MR')).toEqual([12, 100, 'completed', 1, 0]);
    expect(byCode['BLII-DD']!.summary.expectedPercent).toBeLessThan(75);
    expect(byCode['CT-VDMC']!.summary.expectedPercent).toBeGreaterThan(41.2);
    expect(byCode['BLII-DD']!.summary.visitsLast30Days).toBeGreaterThan(0);

    // The project page: the commissioned task that pays for the mobilisation, and consent climbing month by month.
    const detail = await get<{
      project: { task: { title: string } | null };
      curve: { day: string; consentPercent: number }[];
    }>(`/api/key-projects/${byCode['BLII-DD']!.id}`, mongcai);
    expect(detail.project.task?.title).toMatch(/^Vận động nhân dân đồng thuận trong công tác GPMB/);
    expect(detail.curve.length).toBeGreaterThan(5);
    const percents = detail.curve.map((p) => p.consentPercent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(75);

    // The dialogues, each with its follow-up tasks in the ward's programme.
    const dialogues = await get<{ items: { id: string; title: string }[] }>('/api/dialogues', mongcai);
    expect(dialogues.items).toHaveLength(2);
    const tasks = await sql<{
      n: number;
    }>`select count(*)::int as n from dialogue_outcomes where task_id is not null`.execute(t().ctx.db);
    expect(tasks.rows[0]!.n).toBe(3);

    // The petitions: the whole path, one late case (the expressway complaint whose written result is overdue).
    const all = (await get<{ items: Item[]; total: number }>('/api/petitions?pageSize=100', mongcai)).items;
    expect(all).toHaveLength(22);
    expect(new Set(all.map((p) => p.state))).toEqual(
      new Set([
        'registered',
        'classified',
        'guided',
        'forwarded',
        'awaiting_result',
        'result_received',
        'filed',
        'proposed_for_handling',
        'closed',
        'merged',
        'split',
      ]),
    );
    expect(new Set(all.map((p) => p.channel)).size).toBe(7);
    const late = await get<{ items: Item[]; total: number }>('/api/petitions?overdue=true', mongcai);
    expect(late.items.map((p) => [p.summary, p.state])).toEqual([
      ['Khiếu nại phương án bồi thường đất nông nghiệp dự án cao tốc Vân Đồn – Móng Cái', 'awaiting_result'],
    ]);
    const openOf = (code: string) =>
      all.filter(
        (p) => p.project?.id === byCode[code]!.id && !['closed', 'merged', 'split', 'withdrawn'].includes(p.state),
      ).length;
    expect([openOf('BLII-DD'), openOf('CT-VDMC'), openOf('ICD-MR')]).toEqual([4, 5, 1]);
    const stuck = all.find((p) => p.summary.startsWith('Khiếu nại của 05 hộ dân'))!;
    const stuckDetail = await get<{ links: { kind: string }[]; petitioners: { isRepresentative: boolean }[] }>(
      `/api/petitions/${stuck.id}`,
      mongcai,
    );
    expect(stuckDetail.links.map((l) => l.kind)).toEqual(['supervision']);
    expect(stuckDetail.petitioners.filter((p) => p.isRepresentative)).toHaveLength(1);
    // One answer is recorded but kept from the citizen's page: the ward's chair is offered to publish it.
    const noise = all.find((p) => p.summary.startsWith('Phản ánh tiếng ồn từ công trường'))!;
    const noiseDetail = await get<{ actions: string[]; replies: { published: boolean }[] }>(
      `/api/petitions/${noise.id}`,
      mongcai,
    );
    expect([noise.state, noiseDetail.replies.map((r) => r.published)]).toEqual(['result_received', [false]]);
    expect(noiseDetail.actions).toContain('publish_reply');
    const offered = all.filter((p) => p.state === 'result_received');
    const unpublished = await Promise.all(
      offered.map((p) => get<{ actions: string[] }>(`/api/petitions/${p.id}`, mongcai)),
    );
    expect(unpublished.filter((d) => d.actions.includes('publish_reply'))).toHaveLength(1);

    // Who sees the petitioners: the ward's chair all; its officer the cases assigned to her (not the denunciation the
    // chair kept); the province's administrator none.
    const denunciation = all.find((p) => p.kind === 'denunciation')!;
    const named = all.filter((p) => p.petitionerNames.length > 0);
    expect(named.every((p) => p.identityVisible && !p.petitionerNames.includes('(ẩn)'))).toBe(true);
    const asOfficer = (await get<{ items: Item[] }>('/api/petitions?pageSize=100', canbo)).items;
    expect(asOfficer.filter((p) => !p.identityVisible).map((p) => p.id)).toEqual([denunciation.id]);
    expect(asOfficer.find((p) => p.id === denunciation.id)!.petitionerNames).toEqual(['(ẩn)']);
    const asAdmin = (await get<{ items: Item[] }>('/api/petitions?pageSize=100', admin)).items;
    expect(asAdmin).toHaveLength(22);
    expect(asAdmin.some((p) => p.identityVisible)).toBe(false);

    // Each register is numbered 1, 2, 3… per year, without a gap.
    const registers = await sql<{ register: string; year: number; numbers: number[] }>`
      select p.register, p.year, array_agg(p.number order by p.number) as numbers from petitions p
        join bodies b on b.id = p.receiving_body_id
      where b.name = 'Ủy ban MTTQ Phường Móng Cái 1' and p.parent_id is null
      group by p.register, p.year`.execute(t().ctx.db);
    expect(registers.rows.length).toBeGreaterThanOrEqual(3);
    for (const r of registers.rows) expect(r.numbers).toEqual(r.numbers.map((_, i) => i + 1));
    expect(new Set(registers.rows.map((r) => r.year))).toEqual(new Set([2025, 2026]));

    // A second run adds nothing.
    const count = async () =>
      (
        await sql<{ p: number; h: number; d: number; t: number }>`select
          (select count(*)::int from petitions) as p, (select count(*)::int from key_households) as h,
          (select count(*)::int from dialogues) as d, (select count(*)::int from tasks) as t`.execute(t().ctx.db)
      ).rows[0]!;
    const before = await count();
    const again = await seedDemo(t().ctx, { accountId: null, label: 'test' });
    expect(again).toMatchObject({ projectsAdded: 0, dialoguesAdded: 0, petitionsAdded: 0 });
    expect(await count()).toEqual(before);
  }, 180_000);
});
