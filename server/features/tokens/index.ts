// The tokens module as other modules see it.
export { revokeTokensOfAccount } from './tokens.service.ts';
