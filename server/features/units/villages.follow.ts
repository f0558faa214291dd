import type { Actor, Trx } from '../../db/tx.ts';
import * as follow from './villages.follow.repository.ts';

/** Villages follow their commune when it merged whole into one unit (one `full` link on the day it ended):
 * their version is cut on that day and continues under the successor. Villages of a commune that was split,
 * or that ended without a link, wait for an officer to place them (unit_pending). Set-based: a national
 * import moves a hundred thousand villages in a few statements. */
export async function followMergedParents(
  trx: Trx,
  _actor: Actor,
  onlyParents?: string[],
): Promise<{ moved: number; waiting: number }> {
  await follow.createFollowCandidates(trx, onlyParents);
  await follow.endFollowingVersions(trx);
  const moved = await follow.insertFollowedVersions(trx);
  await follow.resolveFollowedPlacements(trx);
  const waiting = await follow.insertWaitingPlacements(trx);
  await follow.dropFollowCandidates(trx);
  return { moved, waiting };
}
