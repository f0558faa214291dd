-- Idempotency keys (server/http/idempotency.ts): a write sent again with the same Idempotency-Key (a retry after a
-- lost answer, a double click) gets the first answer back instead of being done twice.
--
-- Personal data: a row says which account called which route (the pattern, no ids) and when, for 24 hours; the
-- daily sweep deletes it after that, and it is never answered from once expired. The answer itself, which may hold
-- personal fields or a one-time secret, is kept only encrypted (AES-256-GCM) under a key derived from the client's
-- Idempotency-Key and the account, neither of which is stored: the database and its backups alone cannot read it.
-- The request is kept only as keyed hashes (HMAC under the same derived key), never its values. Not audited: an
-- audit row would copy what is kept here away from its 24-hour limit.
create table idempotency_keys (
  account_id uuid not null references accounts (id) on delete cascade,
  -- derived from the client's key (HKDF); the key itself is not stored
  key_hash bytea not null,
  method text not null,
  route text not null,
  -- HMAC of the method, route pattern, path parameters and query; and of the body (null while an upload is still
  -- being read: its hash is known only once the handler has read it)
  request_hash bytea not null,
  body_hash bytea,
  -- the request that holds the claim (its answer is recorded against it)
  request_id text not null,
  -- null while the first request is still running
  status smallint,
  response bytea,
  created_at timestamptz not null,
  completed_at timestamptz,
  expires_at timestamptz not null,
  primary key (account_id, key_hash)
);
create index idempotency_keys_expires_idx on idempotency_keys (expires_at);
