import { z } from 'zod';
import { email, isoDate, pagination, phone, text, ref, version as versionField } from '../../http/schemas.ts';

export const positionItem = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  unitName: z.string().nullable(),
  title: z.string().describe('e.g. Chủ tịch, Phó Chủ tịch, Trưởng Cơ quan Khối, Trưởng Ban Dân vận'),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  acting: z.boolean().describe('quyền: acting for someone'),
  concurrent: z.boolean().describe('kiêm nhiệm: held besides a main position'),
  version: z.number().int(),
});

export const personItem = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    positions: z.array(positionItem).describe('Positions in force on the date asked'),
    hasAccount: z.boolean(),
    photoUrl: z.string().nullable().describe('The person’s photo (GET it with the session or a token)'),
    version: z.number().int(),
    deleted: z.boolean(),
  })
  .describe('Person');

export const personalFields = z.object({
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
});

export const personDetail = z.object({
  person: personItem,
  personal: personalFields
    .nullable()
    .describe('Personal data: only for administrators and the person; each view is logged. null when hidden'),
  history: z.array(positionItem).describe('Every position, past and present'),
  account: z.object({ id: z.uuid(), username: z.string(), disabled: z.boolean() }).nullable(),
});

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Name, ignoring diacritics'),
  body: ref('body').optional().describe('Only people with a position in this body on `asOf`'),
  asOf: isoDate.optional(),
  ...pagination,
});
export const listResponse = z.object({ items: z.array(personItem), total: z.number().int() });

export const createPerson = z.strictObject({
  fullName: text(200),
  gender: z.enum(['male', 'female']).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  address: text(500).nullable().optional(),
  notes: text(2000).nullable().optional(),
});
export const updatePerson = createPerson.partial().extend({ version: versionField }).strict();
export const versionBody = z.strictObject({ version: versionField });

export const createPosition = z.strictObject({
  bodyId: ref('body'),
  title: text(200),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  acting: z.boolean().default(false),
  concurrent: z.boolean().default(false),
});
export const updatePosition = z.strictObject({
  version: versionField,
  title: text(200).optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  acting: z.boolean().optional(),
  concurrent: z.boolean().optional(),
});
