// Demo data, as start-up and the CLI see it.
export { isEmpty, seedDemo } from './demo.seed.ts';
