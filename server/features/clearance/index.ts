// Site clearance (giải phóng mặt bằng) as other modules, start-up and demo data see it: whether a caller reads a key
// project (dialogues and petitions name one), and the transaction-level writes a demo seeder calls (no permission
// checks: the seeder is the system).
export { clearanceRoutes } from './clearance.routes.ts';
export { insertKeyProject, keyProjectReadable, listProjects, projectDetail } from './clearance.service.ts';
export { insertHousehold, insertVisit, recordConsent, type NewHousehold, type NewVisit } from './households.service.ts';
export { projectReadable as keyProjectReadableSql } from './clearance.repository.ts';
export { CONSENT_STATUSES, expectedPercent, scheduleStatus, type ConsentStatus } from './clearance.rules.ts';
