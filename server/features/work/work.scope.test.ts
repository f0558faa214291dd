import { describe, expect, it } from 'vitest';
import { grantsHold, grantsNarrowed, type Grant } from './work.scope.ts';

describe('grantsHold: the rule of holds_rows over remembered grants', () => {
  const ward: Grant = { path: 'u22.u06712', bodyId: null, perms: ['work.read', 'work.report'] };
  const narrowed: Grant = { path: 'u22.u06712', bodyId: 'women', perms: ['work.manage'] };

  it('holds over the unit and below it, not over a unit whose path only starts with the same letters', () => {
    expect(grantsHold([ward], 'work.report', ['u22.u06712'], null)).toBe(true);
    expect(grantsHold([ward], 'work.report', ['u22.u06712.v3'], null)).toBe(true);
    expect(grantsHold([ward], 'work.report', ['u22.u067120'], null)).toBe(false);
    expect(grantsHold([ward], 'work.report', ['u22'], null)).toBe(false);
    expect(grantsHold([ward], 'work.manage', ['u22.u06712'], null)).toBe(false);
    expect(grantsHold([ward], 'work.report', [], null)).toBe(false);
  });

  it('a grant narrowed to a body holds only over that body and the bodies below it in its line', () => {
    expect(grantsNarrowed([ward])).toBe(false);
    expect(grantsNarrowed([ward, narrowed])).toBe(true);
    expect(grantsHold([narrowed], 'work.manage', ['u22.u06712'], ['women-branch', 'women'])).toBe(true);
    expect(grantsHold([narrowed], 'work.manage', ['u22.u06712'], ['youth'])).toBe(false);
    expect(grantsHold([narrowed], 'work.manage', ['u22.u06712'], null)).toBe(false);
  });
});
