// What other modules (and the reporting files of other roles) may use of reporting.
export { periodLabel } from './periods.labels.ts';
export { evaluate, findCycle, FormulaError, parseFormula, type Formula } from './formula.ts';
export { findIndicators as indicatorsBy, type IndicatorRow } from './indicators.repository.ts';
export { presentIndicator } from './indicators.presenter.ts';
export type { Indicator } from './indicators.schemas.ts';
export { formVersionOn, indicatorsOf as formVersionIndicators, type VersionRow } from './forms.repository.ts';
export { placePeriod, versionOnDay } from './forms.periods.ts';
export { presentVersion } from './forms.presenter.ts';
export type { FormVersion } from './forms.schemas.ts';
// The services the demo seeds its reports through (the same paths as requests).
export { createIndicator } from './indicators.service.ts';
export { addVersion, createForm } from './forms.service.ts';
export { createRule } from './rules.service.ts';
export {
  approveSubmission,
  chooseConflict,
  createSubmission,
  reopenPeriod,
  reopenSubmission,
  returnSubmission,
  saveValues,
  submitSubmission,
} from './submissions.service.ts';
export { submissionDetail } from './submissions.read.service.ts';
// Importing figures from a sheet, and the set-based writer of many reports' values (imports, history, benchmarks).
export { importReports, importTemplate, writeReports } from './submissions.import.service.ts';
// The daily job settles the totals of past months.
export { settleTotals } from './totals.settle.service.ts';
// Who enters and who reviews a report (today's rights, the unit placed in its period's tree).
export { reportingCaller, type ReportingCaller, type ReportingRequest } from './reporting.scope.ts';
export { holdsSql, submissionVisible } from './reporting.scope.repository.ts';
export { putTarget, splitTarget } from './targets.service.ts';
// Totals kept at approval, and the readers of the figures (a task may take its result and % of plan from them).
export { addToTotals, addValuesToTotals, rebuildTotals } from './totals.write.repository.ts';
export { readTotal, type TotalsQuery } from './totals.service.ts';
// The reader of a work task's result, handed to the work module at start-up (server/app.ts).
export { taskFiguresSource } from './task-figures.service.ts';
export { readPivot } from './totals.pivot.service.ts';
// The issuing body of a document with its layout and names (other modules' Word documents in the body's layout).
export { issuer as issuingBody, type IssuerRow } from './reporting.exports.repository.ts';
export { readCompleteness, remindMissing } from './completeness.service.ts';
export { listTargets } from './targets.service.ts';
// Period ids and the days a period covers (the demo writes its history of reports with them).
export { parsePeriod, periodDays, type Period } from './periods.ts';
