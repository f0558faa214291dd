// The petitions' notices, registers, report and attachments as the app (start-up) sees them.
export { petitionDocumentsRoutes } from './documents.routes.ts';
