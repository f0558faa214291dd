import { z } from 'zod';
import { isoDate, text, version as versionField, ref } from '../../http/schemas.ts';

export const asOfQuery = isoDate
  .optional()
  .describe('The date the tree is read as of (YYYY-MM-DD, default today in Asia/Ho_Chi_Minh)');
export const unitCode = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z.-]+$/, 'validation.unitCode')
  .meta({ 'x-khoi-ref': 'unit' })
  .describe('Official code (or Khối code for villages); unique only on a date');

export const unitItem = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    name: z.string(),
    kind: z.string().describe('Kind code (data): province, central_city, rural_district, ward, commune, village, …'),
    kindName: z.string(),
    level: z.number().int().describe('1 province, 2 district, 3 commune, 4 village'),
    validFrom: z
      .string()
      .nullable()
      .describe('First day of this version (null: in force since before the first snapshot)'),
    validTo: z.string().nullable().describe('First day it is no longer in force (null: still in force)'),
    version: z.number().int().describe('Version of this record, sent back with a change (409 when stale)'),
    hasChildren: z.boolean().optional(),
  })
  .describe('Unit');

export const childrenQuery = z.strictObject({
  asOf: asOfQuery,
  parent: unitCode.optional().describe('Code of the parent on that date; none for the top level'),
});
export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  asOf: asOfQuery,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const codeParam = z.strictObject({ code: unitCode });
export const asOfOnly = z.strictObject({ asOf: asOfQuery });

export const linkItem = z.object({
  direction: z
    .enum(['from', 'to'])
    .describe('"from": the other unit went into this one; "to": this one went into the other'),
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  type: z.enum(['full', 'partial']),
  date: z.string(),
});

export const searchItem = unitItem.extend({
  ancestors: z.string().describe('Names of the ancestors on that date, top first'),
});

export const versionItem = z.object({
  id: z.uuid(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  kindName: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
});

export const unitDetail = z.object({
  unit: unitItem,
  ancestors: z.array(unitItem),
  history: z.array(versionItem),
  links: z.array(linkItem),
});

export const kindItem = z.object({ code: z.string(), level: z.number().int(), name: z.string() });

export const pendingItem = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  reason: z.enum(['unlinked_ending', 'village_placement']),
  date: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  level: z.number().int(),
  parentName: z.string().nullable(),
});

export const linkBody = z.strictObject({
  toCode: unitCode.describe('Code of the successor on the date of the ending'),
  type: z.enum(['full', 'partial']),
});

// --- villages -----------------------------------------------------------------------------------------

const villageKind = z
  .enum(['village', 'quarter', 'residential_group', 'neighbourhood', 'hamlet', 'southern_hamlet'])
  .describe('Thôn, Khu, Tổ dân phố, Khu phố, Bản, Ấp');

export const createVillageBody = z.strictObject({
  parentCode: unitCode.describe('Code of the commune/ward on `validFrom`'),
  name: text(200),
  kind: villageKind.default('village'),
  validFrom: isoDate.optional().describe('Default: today'),
});
export const idParam = z.strictObject({ id: z.uuid() });
export const renameBody = z.strictObject({
  name: text(200),
  kind: villageKind.optional(),
  date: isoDate.optional().describe('Day the new name applies; default today'),
  version: versionField,
});
export const moveBody = z.strictObject({ parentCode: unitCode, date: isoDate.optional(), version: versionField });
export const mergeBody = z.strictObject({
  intoId: ref('village').describe('The village that absorbs this one'),
  date: isoDate.optional(),
  version: versionField,
});
export const closeBody = z.strictObject({ date: isoDate.optional(), version: versionField });

export const villageResult = z.object({
  unit: unitItem,
  version: z.number().int().describe('Version of the record in force, for the next change'),
});

export const importRow = z.object({
  row: z.number().int(),
  status: z.enum(['added', 'changed', 'unchanged', 'refused']),
  code: z.string().nullable(),
  name: z.string().nullable(),
  message: z.string().nullable(),
});
export const importResult = z.object({
  rows: z.array(importRow),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  encoding: z.string(),
});
