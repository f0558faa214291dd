import { rebuildTotals, taskFiguresSource } from './features/reporting/index.ts';
import { provideTreeListener } from './features/units/index.ts';
import { provideReportedFigures } from './features/work/index.ts';

/**
 * Hands modules what they read from modules that depend on them, so that no module imports one built on it. Called
 * once before serving (server/app.ts) and before a command-line command (cli/context.ts): a catalogue import from
 * the command line changes the tree as much as the web does.
 */
export function wireModules(): void {
  // the work module shows the approved totals of the indicator a task names
  provideReportedFigures(taskFiguresSource);
  // reporting's totals per ancestor follow the tree, rebuilt in the transaction that changed it
  provideTreeListener((trx, above) => rebuildTotals(trx, above ? { unitIds: above } : {}));
}
