import type { Trx } from '../../db/tx.ts';
import { computeDeadline } from '../legal-deadlines/index.ts';
import * as repo from './petitions.repository.ts';

/**
 * Starts a deadline of a case: the legal-deadlines rule's version in force on `start` (the event day, not counted)
 * computes the due day, and the case keeps the rule's code, version, day kind, count and basis with it, so that it
 * shows why it is due then even after the rule changes. A case holds one deadline per rule (a second start of the
 * same rule leaves the first).
 */
export async function startDeadline(
  trx: Trx,
  petitionId: string,
  rule: string,
  start: string,
  variants: readonly string[] = [],
): Promise<void> {
  const d = await computeDeadline(trx, { rule, start, variants: [...variants] });
  await repo.insertDeadline(trx, {
    petition_id: petitionId,
    rule: d.rule,
    rule_version: d.version,
    start_on: d.start,
    due_on: d.due,
    day_kind: d.dayKind,
    days: d.days,
    basis: d.basis,
    variants: [...variants],
    provisional: d.provisional,
  });
}
