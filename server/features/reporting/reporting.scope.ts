import type { FastifyRequest } from 'fastify';
import { today } from '../../clock.ts';
import type { Identity } from '../../http/identity.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { ReporterRights } from './reporting.scope.repository.ts';

/**
 * Who may enter and who may review a report.
 *
 * A reporter enters for a unit or a body it holds `reporting.submit` over. The report of a unit is reviewed by the
 * accounts holding `reporting.review` over its parent unit (village → commune → province after the 2025 reform);
 * the report of a body by those holding it over the body one level up its line (bodies.parent_id). Reviewers read
 * the submissions of their subtree, reporters those of their own units and bodies.
 *
 * The rights are those the account holds **today**, and the unit is placed in the tree **of the period's last day**:
 * someone who left the office loses the right at once and whoever took over may file the late report, while a report
 * of a period before the reform stays under the units it was made for (the province still reviews a village that
 * was merged away; the new ward does not review its predecessor's villages).
 */
export type ReportingCaller = { accountId: string; isAdmin: boolean; today: string };
/** The request object of every reporting service. */
export type ReportingRequest = RequestContext<ReportingCaller>;
/** What a read of reference data (indicators, forms, rules) needs: nothing of the caller. */
export type ReportingReading = Pick<ReportingRequest, 'app' | 'lang'>;

export function reportingCaller(identity: Identity | null, day: string): ReportingCaller {
  if (!identity) throw new AppError('UNAUTHENTICATED');
  return { accountId: identity.me.id, isAdmin: identity.me.isAdmin, today: day };
}

/** The caller of a request, for `requestContext`: its account and today's date. */
export function reportingCallerOf(app: ReportingRequest['app'], request: FastifyRequest): Promise<ReportingCaller> {
  return Promise.resolve(reportingCaller(request.identity, today(app)));
}

/** What the caller may do for a reporter: read its reports, enter them, review them. */
export type ReporterAccess = { read: boolean; submit: boolean; review: boolean };

export function accessOf(rights: ReporterRights | undefined): ReporterAccess {
  if (!rights) return { read: false, submit: false, review: false };
  return {
    read: rights.submit || rights.review || rights.review_below,
    submit: rights.submit,
    review: rights.review,
  };
}

/** Who may reopen a locked period or a decided report, as people read it: the reviewers of the level above. */
export function reopenedBy(rights: ReporterRights): string | null {
  return rights.body_id ? rights.parent_body_name : rights.parent_unit_name;
}
