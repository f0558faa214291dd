// The bodies module as other modules see it.
export { listBodies } from './bodies.service.ts';
export { listQuery as bodiesListQuery } from './bodies.schemas.ts';
