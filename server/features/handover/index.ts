// The handover module as other modules see it: a module that gives accounts open work registers a provider.
export { registerOpenWorkProvider } from './handover.service.ts';
