// The people module as other modules see it.
export { listPeople } from './people.service.ts';
export { importBodies, importPeople } from './registers.import.ts';
