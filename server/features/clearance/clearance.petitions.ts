// The open petitions of each key project are the petitions module's to count (its openPetitionCountsByProject).
export { openPetitionCountsByProject as openPetitionCounts } from '../petitions/index.ts';
