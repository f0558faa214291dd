// The retention module as the jobs see it.
export { erasePersonalData, type ErasureResult } from './retention.service.ts';
