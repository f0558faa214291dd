// The auth module as other modules and the HTTP layer's hook see it.
export { meSchema } from './auth.schemas.ts';
export { endSessionsOfAccount, identityFromSession, identityFromToken, type Identity } from './auth.service.ts';
export { rememberedIdentity } from './identity.cache.ts';
