// The accounts module as other modules see it.
export { countAccounts, insertAdministrator, listAccounts } from './accounts.service.ts';
export { createBody as createAccountBody } from './accounts.schemas.ts';
