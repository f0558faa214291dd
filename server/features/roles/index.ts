// The roles module as other modules see it.
export { permissionsHeld } from './roles.service.ts';
