// The petitions module as other modules, the jobs and phase 2 (web pages, the public citizen page, notices, registers
// and reports) see it.
export { petitionsRoutes } from './petitions.routes.ts';
// Intake: an officer's (registered at once) and the public form's (received only, with the tracking code).
export {
  createPetition,
  newTrackingCode,
  submitPublicPetition,
  PUBLIC_ACTOR,
  type PublicPetitionInput,
} from './petitions.intake.service.ts';
// The actions on a case, as an officer takes them (demo data calls them as the demo's officers on the days they
// acted).
export {
  classifyPetition,
  closePetition,
  filePetition,
  forwardPetition,
  guidePetition,
  mergePetition,
  proposePetition,
  recordDecision,
  recordReply,
  registerPetition,
  remindPetition,
  splitPetition,
  superviseCase,
  withdrawPetition,
} from './petitions.service.ts';
// Reading, with THE identity guard: every answer carrying petitioners goes through presentPetitioner.
export { identityVisible, listPetitions, petitionDetail } from './petitions.read.service.ts';
export { petitionerNames, presentPetitioner, registerNumber } from './petitions.presenter.ts';
export { HIDDEN, petitionCallerOf, type PetitionCaller, type PetitionRequest } from './petitions.scope.ts';
// The state machine (the web offers `actions` from the detail; these for tests and phase 2).
export {
  actionsFrom,
  defaultRegister,
  nextState,
  OPEN_STATES,
  FINAL_STATES,
  PETITION_ACTIONS,
  PETITION_STATES,
  type PetitionAction,
  type PetitionState,
} from './petitions.rules.ts';
// Counts and registers (clearance, the six-monthly report, the registers' XLSX/Word).
export {
  openPetitionCountsByProject,
  periodCounts,
  registerRows,
  type PeriodCounts,
} from './petitions.reports.service.ts';
// Notices: drafted, signed, numbered when issued.
export {
  draftPetitionDocument,
  issuePetitionDocument,
  signPetitionDocument,
  type PetitionDocumentKind,
} from './petitions.documents.ts';
// For the notices, registers and attachments (petitions-documents): a case with the caller's rights over it (read,
// act, identities), and the timeline's writer.
export { findPetition, insertEvent, type PetitionFull } from './petitions.repository.ts';
// The daily sweep's part: deadline warnings, overdue notices, the reform's pass-over.
export { passOpenCasesToSuccessors, runPetitionSweep, type PetitionSweepResult } from './petitions.jobs.ts';
