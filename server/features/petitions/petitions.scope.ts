import type { FastifyRequest } from 'fastify';
import { today } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';

/**
 * Who may do what with a petition.
 *
 * - **Read a case** (its kind, summary, state, deadlines, forwards, replies): whoever reads its receiving body —
 *   the body's unit subtree, narrowed to its line, and the scope of its successors (body_readable) — and the
 *   officers assigned to it (petition_readable, migration 0021).
 * - **Act on a case** (register, classify, forward, …): `petitions.receive` over the receiving body (holds_over).
 * - **See the petitioners' identities** (name, id number, phone, address) — a deliberate exception to the subtree
 *   scope (Decree 13/2023): only accounts with an assignment at the receiving body's own unit, not narrowed or
 *   narrowed to that body, holding `petitions.lead` (its leaders), or `petitions.receive` and assigned to the case.
 *   Higher levels see the case and the counts, with the names replaced by a marker. An administrator's flag gives
 *   no right to identities. One presenter (petitions.presenter.ts) applies this to every answer.
 */
export type PetitionCaller = { accountId: string; isAdmin: boolean; today: string };
export type PetitionRequest = RequestContext<PetitionCaller>;

/** The caller of a request, for `requestContext`. */
export function petitionCallerOf(app: PetitionRequest['app'], request: FastifyRequest): Promise<PetitionCaller> {
  const identity = request.identity;
  if (!identity) throw new AppError('UNAUTHENTICATED');
  return Promise.resolve({ accountId: identity.me.id, isAdmin: identity.me.isAdmin, today: today(app) });
}

/** What replaces a hidden identity field. */
export const HIDDEN = '(ẩn)';
