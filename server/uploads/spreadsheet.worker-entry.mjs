// The parser's worker thread. On Node 20 a worker does not inherit the TypeScript loader the main thread registered
// (bin/khoi.mjs), so it registers its own before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./spreadsheet.worker.ts');
