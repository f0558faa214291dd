import crypto from 'node:crypto';

/** What one Idempotency-Key of one account opens: the row's lookup id, the key of the request's hashes and the key
 * of the stored answer. Derived (HKDF-SHA256) from the client's key, which is never stored, so the database alone
 * can neither read an answer nor confirm a guess at a request. */
export type DerivedKeys = { id: Buffer; mac: Buffer; enc: Buffer };

export function deriveKeys(key: string, accountId: string): DerivedKeys {
  const okm = Buffer.from(crypto.hkdfSync('sha256', key, accountId, 'khoi idempotency v1', 96));
  return { id: okm.subarray(0, 32), mac: okm.subarray(32, 64), enc: okm.subarray(64, 96) };
}

export function mac(key: Buffer, data: string | Buffer): Buffer {
  return crypto.createHmac('sha256', key).update(data).digest();
}

/** JSON with object keys sorted: the same value is the same request whatever order its fields came in. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export type Answer = { headers: Record<string, string>; body: Buffer };

/** AES-256-GCM: iv (12 bytes) | tag (16) | ciphertext. `bound` (method, route, status) is authenticated with it, so an
 * answer cannot be moved to another row or given another status. */
export function seal(key: Buffer, answer: Answer, bound: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(bound));
  const plain = Buffer.from(JSON.stringify({ h: answer.headers, b: answer.body.toString('base64') }));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

export function open(key: Buffer, sealed: Buffer, bound: string): Answer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(bound));
  decipher.setAuthTag(sealed.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  const { h, b } = JSON.parse(plain.toString('utf8')) as { h: Record<string, string>; b: string };
  return { headers: h, body: Buffer.from(b, 'base64') };
}

/** The boundary of a multipart/form-data body, from its Content-Type. */
export function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]!) : null;
}

/** A streaming HMAC of a multipart body with every occurrence of its boundary left out: a browser sending the same
 * form again picks a new boundary, and that is still the same request. */
export function multipartHasher(key: Buffer, boundary: string | null) {
  const hmac = crypto.createHmac('sha256', key);
  const b = boundary ? Buffer.from(boundary, 'latin1') : null;
  let carry = Buffer.alloc(0);
  let bytes = 0;
  return {
    update(chunk: Buffer): void {
      bytes += chunk.length;
      if (!b) {
        hmac.update(chunk);
        return;
      }
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let pos = 0;
      for (let i = buf.indexOf(b, pos); i !== -1; i = buf.indexOf(b, pos)) {
        hmac.update(buf.subarray(pos, i));
        pos = i + b.length;
      }
      // The last bytes may be the start of a boundary that the next chunk completes.
      const safe = Math.max(pos, buf.length - (b.length - 1));
      hmac.update(buf.subarray(pos, safe));
      carry = Buffer.from(buf.subarray(safe));
    },
    digest(): Buffer {
      hmac.update(carry);
      return hmac.digest();
    },
    bytes: () => bytes,
  };
}
