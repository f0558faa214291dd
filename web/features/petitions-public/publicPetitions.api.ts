import { api } from '../../lib/api.ts';
import type { Body, Ok } from '../../lib/contract.ts';

/** The citizens' pages (no sign-in): the addresses, and the public routes they call. */
export const SUBMIT_PATH = '/gui-don';
export const TRACK_PATH = '/tra-cuu-don';

/** Whether an address is one of the public pages, which show without the app (and without antd). */
export function isPublicPetitionPath(pathname: string): boolean {
  return pathname === SUBMIT_PATH || pathname === TRACK_PATH || pathname.startsWith(TRACK_PATH + '/');
}

export type PublicForm = Ok<'/api/public/petitions/form'>;
export type ReceivingBody = Ok<'/api/public/receiving-bodies'>['items'][number];
export type UnitHit = Ok<'/api/public/units'>['items'][number];
export type NewPetition = Body<'/api/public/petitions', 'post'>;
export type Submitted = Ok<'/api/public/petitions', 'post'>;
export type Tracked = Ok<'/api/public/petitions/{code}'>;

// Public routes: a 401 is not expected from them, and nobody is sent to the sign-in page.
const open = { expectUnauthenticated: true } as const;

export const fetchForm = () => api<PublicForm>('/api/public/petitions/form', open);
export const fetchBodies = () => api<Ok<'/api/public/receiving-bodies'>>('/api/public/receiving-bodies', open);
export const searchUnits = (q: string, signal?: AbortSignal) =>
  api<Ok<'/api/public/units'>>('/api/public/units', { ...open, query: { q }, signal });
export const submitPetition = (body: NewPetition) =>
  api<Submitted>('/api/public/petitions', { ...open, method: 'POST', body });
export const uploadPublicFile = (formToken: string, file: File) => {
  const form = new FormData();
  form.append('formToken', formToken);
  form.append('file', file);
  return api<Ok<'/api/public/petitions/files', 'post'>>('/api/public/petitions/files', {
    ...open,
    method: 'POST',
    form,
  });
};
export const trackPetition = (code: string) => api<Tracked>(`/api/public/petitions/${encodeURIComponent(code)}`, open);

/** YYYY-MM-DD as dd/mm/yyyy. */
export const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
