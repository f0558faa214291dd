// Dialogues (đối thoại) with residents as start-up and demo data see them: the routes, and the transaction-level
// write a demo seeder calls (insertDialogue with a null caller: no permission checks, tasks created in the same
// transaction).
export { dialoguesRoutes } from './dialogues.routes.ts';
export { insertDialogue, type NewDialogue } from './dialogues.service.ts';
