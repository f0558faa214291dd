// The auth module as other modules see it, and the identity resolver server/app.ts gives the HTTP layer's auth hook.
export { meSchema } from './auth.schemas.ts';
export { endSessionsOfAccount, identityFromSession, identityFromToken } from './auth.service.ts';
export type { Identity } from '../../http/identity.ts';
export { rememberedIdentity } from './identity.cache.ts';
