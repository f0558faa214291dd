import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document of Khối writes one (zod's draft-7 output). */
export type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  'x-khoi-ref'?: string;
};

/** Ids of records that exist, by kind (x-khoi-ref), so generated requests reach past "not found". */
export type IdPool = Record<string, string[]>;

/** The classes of hostile text every string field is tried with: what PostgreSQL cannot store, what it would store
 * changed, what is too long, and what looks like markup or SQL. */
const HOSTILE_TEXT = [
  'a\u0000b',
  '\u0000',
  'x\uD800',
  '\uDC00y',
  '\uD83D',
  '\u202Eevil',
  ' ',
  '',
  "'; drop table tasks; --",
  '<script>alert(1)</script>',
  'Nguyễn Văn Định'.normalize('NFD'),
  '%00',
  'a'.repeat(20_000),
];
const DATE_EDGES = [
  '0000-01-01',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '9999-12-31',
  '-0001-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '2026-03-02T00:00:00Z',
  '20260302',
];
const INT_EDGES = [
  -1,
  0,
  1,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER + 2,
  1.5,
  1e21,
  -1e308,
  1e308,
];
const MALFORMED_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000beef',
  `${'a'.repeat(250)}`,
  '1 or 1=1',
];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const plainText = fc.oneof(
  fc.constantFrom('Tuyên truyền bầu cử', 'Hội LHPN', 'Khu Hồng Hải', 'mong cai', 'Ghi chú', 'x'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((x) => x.trim() !== ''),
);

/** A leaf: valid-looking with probability 1 − h, hostile with probability h. */
const leaf = (h: number, valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
  h <= 0
    ? valid
    : h >= 1
      ? hostile
      : fc.oneof(
          { weight: Math.round((1 - h) * 100), arbitrary: valid },
          { weight: Math.round(h * 100), arbitrary: hostile },
        );

function uuidArb(s: Schema, pool: IdPool, h: number) {
  const known = s['x-khoi-ref'] ? (pool[s['x-khoi-ref']] ?? []) : Object.values(pool).flat();
  const valid = fc.oneof(
    { weight: 5, arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
  );
  return leaf(h, valid, fc.oneof(fc.constantFrom(...MALFORMED_IDS), hostileText));
}

function numberArb(s: Schema, h: number) {
  const lo = s.minimum ?? -1e6;
  const hi = s.maximum ?? 1e6;
  const valid =
    s.type === 'integer'
      ? fc.integer({ min: Math.ceil(Math.max(lo, -1e9)), max: Math.floor(Math.min(hi, 1e9)) })
      : fc.double({ min: lo, max: hi, noNaN: true });
  return leaf(
    h,
    valid,
    fc.oneof(
      fc.constantFrom(lo - 1, lo, hi, hi + 1, ...INT_EDGES),
      fc.constantFrom<unknown>('12', 'mười', true, null, [], {}),
    ),
  );
}

/** Values for a schema. Each leaf is valid-looking, or with probability `h` hostile: a string with NUL or a lone
 * surrogate, a date or number at or past its range, an id that is not one, a value of the wrong type. With a small
 * `h` a request is mostly valid and reaches the service with one bad field; with a large one it is refused early. */
export function arbitraryFor(s: Schema | undefined, pool: IdPool, h: number, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  const alts = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alts?.length)
    return fc.oneof(
      ...alts.map((a) => arbitraryFor({ ...a, 'x-khoi-ref': a['x-khoi-ref'] ?? s['x-khoi-ref'] }, pool, h, depth)),
    );
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  const wrongType = fc.constantFrom<unknown>(null, 0, 'x', true, [], {});
  if (s.enum) return leaf(h, fc.constantFrom(...s.enum), fc.oneof(hostileText, wrongType));
  if (type === 'string' && s.format === 'uuid') return uuidArb(s, pool, h);
  if (type === 'string' && s.format === 'binary') return fc.constant('');
  if (type === 'string' && s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}'))
    return leaf(
      h,
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.oneof(fc.constantFrom(...DATE_EDGES), hostileText),
    );
  if (type === 'string') return leaf(h, plainText, fc.oneof(hostileText, wrongType));
  if (type === 'integer' || type === 'number') return numberArb(s, h);
  if (type === 'boolean') return leaf(h, fc.boolean(), fc.constantFrom<unknown>('true', 1, null));
  if (type === 'array')
    return leaf(
      h / 4,
      fc.array(arbitraryFor(s.items, pool, h, depth + 1), { maxLength: Math.min(s.maxItems ?? 3, 3) }),
      fc.oneof(
        wrongType,
        fc.array(arbitraryFor(s.items, pool, 1, depth + 1), { maxLength: Math.min((s.maxItems ?? 3) + 1, 4) }),
      ),
    );
  if (type === 'object' || s.properties) return leaf(h / 4, objectArb(s, pool, h, depth), wrongType);
  return leaf(h, plainText, fc.oneof(hostileText, fc.integer(), fc.constant(null)));
}

function objectArb(s: Schema, pool: IdPool, h: number, depth: number) {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const entries = Object.entries(props).map(
    ([k, v]) =>
      [k, fc.option(arbitraryFor(v, pool, h, depth + 1), { nil: undefined, freq: required.has(k) ? 20 : 2 })] as const,
  );
  return fc
    .record(Object.fromEntries(entries))
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

/** A body as JSON text, sometimes with what JSON.stringify cannot write: a `__proto__` key, deep nesting. */
export function bodyText(schema: Schema | undefined, pool: IdPool): fc.Arbitrary<string> {
  const json = (h: number) => arbitraryFor(schema, pool, h).map((v) => JSON.stringify(v) ?? 'null');
  const plain = fc.oneof(
    { weight: 2, arbitrary: json(0) },
    { weight: 5, arbitrary: json(0.1) },
    { weight: 2, arbitrary: json(0.5) },
  );
  const proto = plain.map((j) =>
    j.startsWith('{') && j !== '{}'
      ? `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},${j.slice(1)}`
      : '{"__proto__":{"polluted":true}}',
  );
  const deep = fc.integer({ min: 20, max: 2_000 }).map((d) => '['.repeat(d) + ']'.repeat(d));
  const deepObject = fc.integer({ min: 20, max: 200 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d));
  return fc.oneof(
    { weight: 8, arbitrary: plain },
    { weight: 1, arbitrary: proto },
    { weight: 1, arbitrary: fc.oneof(deep, deepObject) },
  );
}

/** A query string for a route's query parameters: values URL-encoded, sometimes raw bytes a browser would not send. */
export function queryText(params: { name: string; schema: Schema }[], pool: IdPool): fc.Arbitrary<string> {
  if (!params.length) return fc.constantFrom('', '', '?x=1');
  const pairs = fc
    .tuple(...params.map((p) => fc.option(arbitraryFor(p.schema, pool, 0.15), { nil: undefined, freq: 2 })))
    .map((vals) =>
      vals
        .flatMap((v, i) => (v === undefined ? [] : [`${encodeURIComponent(params[i]!.name)}=${encodeValue(v)}`]))
        .join('&'),
    );
  const raw = fc.constantFrom('%00', '%C0%AF', '%ED%A0%80', '%FF', '%', '%zz', 'a'.repeat(3000));
  return fc.oneof(
    { weight: 6, arbitrary: pairs.map((q) => (q ? `?${q}` : '')) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...params.map((p) => p.name)), raw).map(([n, r]) => `?${n}=${r}`),
    },
  );
}

/** Percent-encodes any JS string value, lone surrogates included (as their WTF-8 bytes, which are not UTF-8). */
export function encodeValue(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** A path parameter: an existing record's id or code, a missing one, or something that is not an id at all. */
export function pathValue(name: string, pool: IdPool): fc.Arbitrary<string> {
  const known =
    name === 'code' ? (pool.unitCode ?? []) : name === 'kind' ? (pool.retentionKind ?? []) : Object.values(pool).flat();
  return fc.oneof(
    { weight: 5, arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_IDS, '%00', '%C0%AF', '%ED%A0%80', '..%2F..%2Fetc%2Fpasswd') },
  );
}
