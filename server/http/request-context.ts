import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../db/tx.ts';
import { pickLang, type Lang } from '../i18n/messages.ts';
import { actorOf } from './auth.ts';

/** What a service is given for one request, built once by the route: the app's pieces it uses, who acts (written
 * into the audit), who calls as the feature sees it (its scope; the work module's WorkCaller) and the language of
 * the answer. */
export type RequestContext<Caller> = {
  app: Pick<AppContext, 'db' | 'clock'>;
  actor: Actor;
  caller: Caller;
  lang: Lang;
};

/** The part of a RequestContext every feature builds the same way; UNAUTHENTICATED without a signed-in account. */
export function requestBasics(
  app: Pick<AppContext, 'db' | 'clock'>,
  request: FastifyRequest,
): Omit<RequestContext<never>, 'caller'> {
  return { app, actor: actorOf(request), lang: pickLang(request.headers['accept-language']) };
}

/** A RequestContext with the feature's caller, built by `callerOf` once the basics are known. */
export async function requestContext<Caller>(
  app: Pick<AppContext, 'db' | 'clock'>,
  request: FastifyRequest,
  callerOf: (request: FastifyRequest) => Promise<Caller>,
): Promise<RequestContext<Caller>> {
  const basics = requestBasics(app, request);
  return { ...basics, caller: await callerOf(request) };
}
