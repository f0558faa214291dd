// The citizens' side of petitions (no sign-in): the public form and tracking by code, with their abuse limits.
export { publicPetitionsRoutes } from './petitions-public.routes.ts';
export { dropStaleUploads, LIMITS as PUBLIC_PETITION_LIMITS, publicStatusOf } from './petitions-public.service.ts';
