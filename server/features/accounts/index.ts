// The accounts module as other modules see it.
export { listAccounts } from './accounts.service.ts';
