// The units module as other modules, start-up and the CLI see it.
export { importCatalogue, type ImportCounts } from './catalogue.import.ts';
export { loadBuiltInCatalogue } from './catalogue.plan.ts';
export { readSnapshotFile } from './snapshot.read.ts';
export { provideTreeListener, rebuildTree, type TreeListener } from './tree.build.ts';
export { asOfOnly, asOfQuery, unitCode } from './units.schemas.ts';
// Old units to new and back (a report over a period that crosses a change of the tree maps through these).
export {
  crossTo,
  sourcesOf,
  sourcesOfMany,
  successorsOf,
  type Counterpart,
  type Crossing,
} from './units.crossing.service.ts';
export { followMergedParents } from './villages.follow.ts';
export { parseDate } from './villages.import.ts';
export { createVillage } from './villages.service.ts';
// Lookups other modules make inside their own transactions (reference data: units are read by everyone).
export { children as unitChildren, findByCode as unitByCode, findById as unitById } from './units.repository.ts';
