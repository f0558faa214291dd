import type { z } from 'zod';
import type { tokenSchema } from './tokens.schemas.ts';

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: string | null;
};

export function presentToken(r: TokenRow): z.infer<typeof tokenSchema> {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    expiresAt: r.expires_at,
  };
}
