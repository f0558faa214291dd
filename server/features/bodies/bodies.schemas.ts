import { z } from 'zod';
import { isoDate, text, ref, version as versionField } from '../../http/schemas.ts';
import { asOfQuery, unitCode } from '../units/index.ts';

export const bodyItem = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitCode: z.string().nullable(),
    unitName: z
      .string()
      .nullable()
      .describe('Name of the unit on the date asked (null when the unit is not in force then)'),
    kind: z.string(),
    kindName: z.string(),
    inBloc: z
      .boolean()
      .describe('Bodies of the bloc grant scope; the Party committee, Ban Dân vận, HĐND and UBND do not'),
    name: z.string(),
    shortName: z.string().nullable(),
    parentId: z.uuid().nullable().describe('The body above in its line (ngành dọc)'),
    parentName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    version: z.number().int(),
    deleted: z.boolean(),
  })
  .describe('Body');
export type BodyItem = z.infer<typeof bodyItem>;

export const listQuery = z.strictObject({
  unit: unitCode.optional().describe('Only bodies sitting on the unit that has this code on `asOf`'),
  asOf: asOfQuery,
  kind: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional().describe('Search in names, ignoring diacritics'),
  includeEnded: z.enum(['true', 'false']).optional().describe('Also bodies not in force on `asOf`'),
  includeDeleted: z.enum(['true', 'false']).optional(),
  namedBy: ref('body').optional().describe('Only bodies that a task of this body’s programmes may name, under `rule`'),
  rule: z.enum(['lead', 'near']).optional().describe('With namedBy: lead (the default) or cooperating body'),
});

export const bodyDetail = z.object({
  body: bodyItem,
  line: z.array(bodyItem).describe('The bodies above, top first'),
  children: z.array(bodyItem).describe('Bodies directly below, in force on the date'),
  predecessors: z.array(z.object({ id: z.uuid(), name: z.string(), date: z.string() })),
  successors: z.array(z.object({ id: z.uuid(), name: z.string(), date: z.string() })),
});

export const createBody = z.strictObject({
  unitCode: unitCode.describe('The unit the body sits on, by its code on `validFrom` (or today)'),
  kind: z.string().min(1).max(40),
  name: text(300),
  shortName: text(100).optional(),
  parentId: ref('body').nullable().optional(),
  validFrom: isoDate.optional().describe('Default: open (in force since before records began)'),
});

export const updateBody = z.strictObject({
  version: versionField,
  name: text(300).optional(),
  shortName: text(100).nullable().optional(),
  parentId: ref('body').nullable().optional(),
});

export const endBody = z.strictObject({
  version: versionField,
  date: isoDate.describe('First day the body no longer exists (its last day is the day before)'),
  successorIds: z.array(ref('body')).max(50).default([]).describe('The bodies that take over its work'),
});

export const versionBody = z.strictObject({ version: versionField });

export const kindItem = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  inBloc: z.boolean(),
});
export const createKind = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'validation.kindCode'),
  nameVi: text(200),
  nameEn: text(200),
  shortVi: text(50).optional(),
  inBloc: z.boolean(),
});
