import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { intake, petitionsFixture, type PetitionsFixture } from './petitions.testkit.ts';
import {
  actionsFrom,
  FINAL_STATES,
  nextState,
  PETITION_ACTIONS,
  PETITION_STATES,
  representativesProblem,
  type PetitionAction,
} from './petitions.rules.ts';

/** A valid body for each action's endpoint (the version is added); the path of each action. */
const PATHS: Record<PetitionAction, string> = {
  register: 'register',
  classify: 'classify',
  split: 'split',
  merge: 'merge',
  guide: 'guide',
  forward: 'forward',
  file: 'file',
  propose: 'propose',
  record_decision: 'decision',
  record_reply: 'reply',
  publish_reply: 'publish',
  remind: 'remind',
  supervise: 'supervise',
  withdraw: 'withdraw',
  suspend: 'suspend',
  resume: 'resume',
  close: 'close',
};

describe('the petition state machine', () => {
  it('is one table: final states lead nowhere, every target is a state, resume returns where it was', () => {
    for (const s of PETITION_STATES)
      for (const a of PETITION_ACTIONS) {
        const to = nextState(s, a, 'forwarded');
        if (to !== null) expect(PETITION_STATES).toContain(to);
      }
    for (const s of FINAL_STATES) expect(actionsFrom(s)).toEqual([]);
    expect(nextState('suspended', 'resume', 'awaiting_result')).toBe('awaiting_result');
    expect(nextState('suspended', 'resume', 'closed')).toBeNull();
    expect(nextState('forwarded', 'forward')).toBeNull();
    expect(representativesProblem(4, 0)).toBeNull();
    expect(representativesProblem(10, 2)).toBeNull();
    expect(representativesProblem(11, 5)).toBeNull();
    expect(representativesProblem(11, 6)).not.toBeNull();
  });

  describe('through the endpoints', () => {
    const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
    let f: PetitionsFixture;
    let target = '';
    beforeAll(async () => {
      f = await petitionsFixture(t());
      target = (await intake(t().app, f.officer.session, f.bodies.mc1)).id;
    }, 120_000);

    const bodies = (): Record<PetitionAction, Record<string, unknown>> => ({
      register: {},
      classify: { kind: 'mixed', eligible: true, competence: 'state_admin' },
      split: {
        parts: [
          { kind: 'complaint', summary: 'Phần một' },
          { kind: 'proposal', summary: 'Phần hai' },
        ],
      },
      merge: { intoId: target },
      guide: { note: 'Hướng dẫn' },
      forward: { toName: 'UBND phường' },
      file: {},
      propose: {},
      record_decision: { decidedOn: '2026-03-02' },
      record_reply: { receivedOn: '2026-03-02', result: 'Đã giải quyết' },
      publish_reply: { publishedText: 'Đã giải quyết xong' },
      remind: {},
      supervise: { note: 'Giám sát' },
      withdraw: {},
      suspend: {},
      resume: {},
      close: {},
    });

    it('allows exactly the transitions of the table from every state, and refuses the rest with 409', async () => {
      const { app, db } = t();
      const seen: string[] = [];
      for (const state of PETITION_STATES) {
        for (const action of PETITION_ACTIONS) {
          const p = await intake(app, f.officer.session, f.bodies.mc1);
          // put the case in the state directly (a mixed letter, suspended from a forward), number kept
          await db.db
            .updateTable('petitions')
            .set({ state, kind: 'mixed', suspended_from: state === 'suspended' ? 'forwarded' : null })
            .where('id', '=', p.id)
            .execute();
          // a result recorded unpublished, for publish_reply to publish
          await db.db
            .insertInto('petition_replies')
            .values({ petition_id: p.id, received_on: '2026-03-02', result: 'Kết quả' })
            .execute();
          const version = (await call(app, { url: `/api/petitions/${p.id}`, session: f.officer.session })).json()
            .version;
          const res = await call(app, {
            method: 'POST',
            url: `/api/petitions/${p.id}/${PATHS[action]}`,
            session: f.officer.session,
            body: { version, ...bodies()[action] },
          });
          const expected = nextState(state, action, state === 'suspended' ? 'forwarded' : null);
          const where = `${action} from ${state}: ${res.body}`;
          if (expected === null) {
            expect(res.statusCode, where).toBe(409);
            expect(res.json().error.code, where).toBe('INVALID_TRANSITION');
          } else {
            expect(res.statusCode, where).toBe(200);
            expect(res.json().state, where).toBe(expected);
          }
          seen.push(`${state}:${action}`);
        }
      }
      expect(seen).toHaveLength(PETITION_STATES.length * PETITION_ACTIONS.length);
    }, 300_000);
  });
});
