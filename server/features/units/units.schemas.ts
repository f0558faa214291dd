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

const linkType = z
  .enum(['full', 'partial', 'same'])
  .describe(
    '"full": the whole of the unit went into the other; "partial": a part of it; "same": a continuation, not a ' +
      'merger: the same unit (same id) goes on under a new version (name, kind, parent; a moved village also ' +
      'its code) from the date, as the communes and provinces that kept their code across the 2025-07-01 ' +
      'reform. A `same` link is made from the versions (a version ending the day the next one of the unit ' +
      'begins), never stored; a unit in force throughout with one version (Tỉnh Quảng Ninh) has none.',
  );

export const linkItem = z
  .object({
    direction: z
      .enum(['from', 'to'])
      .describe('"from": the other unit went into this one; "to": this one went into the other'),
    id: z.uuid(),
    code: z.string().nullable(),
    name: z.string().describe("The other unit's name on the link's date (the day before for a predecessor)"),
    type: linkType,
    date: z.string().describe("The link's date: the successor's first day, the first day without the predecessor"),
  })
  .describe('A link between a unit and an earlier or later one (a `same` link: the unit and itself)');

export const counterpartItem = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    name: z.string(),
    type: linkType,
    date: z.string().describe('The day of the change (the first day of the successor, or of the unit)'),
    through: z
      .array(z.object({ code: z.string().nullable(), name: z.string() }))
      .describe(
        'For a unit without links of its own (a district abolished on 2025-07-01): its communes the change went ' +
          'through; empty for its own links',
      ),
  })
  .describe('A unit on the other side of a change');

export const acrossQuery = z.strictObject({
  asOf: asOfQuery.describe('The date the code is read on (default today)'),
  date: isoDate.describe('The other date, where the unit is looked for'),
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
  successors: z
    .array(counterpartItem)
    .describe(
      'What the unit became when it ended (after its last version; empty while in force). An abolished district ' +
        'has no links of its own: its successors are those of its communes',
    ),
  sources: z
    .array(counterpartItem)
    .describe('What the unit came from when it began (before its first version; empty since the records began)'),
});

const acrossUnit = unitItem.extend({
  ancestors: z
    .array(z.object({ code: z.string().nullable(), name: z.string() }))
    .describe('Its ancestors on the date, top first'),
});

export const unitAcross = z.object({
  unit: unitItem.describe('The unit that has the code on `asOf`'),
  date: z.string(),
  self: unitItem.nullable().describe('The same unit on `date` (perhaps renamed or moved); null when not in force then'),
  direction: z
    .enum(['successors', 'sources'])
    .nullable()
    .describe('When the unit is not in force on `date`: "successors" (a later date) or "sources" (an earlier one)'),
  changed: z.string().nullable().describe('successors: the first day without the unit; sources: its first day'),
  units: z
    .array(acrossUnit)
    .describe(
      'The units in force on `date` it became or came from, followed through every change in between (links of ' +
        'all kinds; a district through its communes); empty when the trail ends without a known successor',
    ),
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
