-- The public petition form's abuse limits (issue 21 §8: no captcha). Besides the per-address rate limit held in each
-- server's memory, a day's submissions are counted per address and per phone number HERE, so that the daily caps hold
-- across restarts and several servers.
--
-- Personal data: an address and a phone number are kept only as keyed hashes (HMAC-SHA-256 under the secret below),
-- never their values, and only for the day and the next (the form deletes older rows as it writes). Neither table
-- is audited: an audit row would copy these rows away from their short life (as idempotency_keys, migration 0015).
create table public_petition_counts (
  day date not null,
  -- HMAC of 'ip:<address>' or 'phone:<digits>'
  key_hash bytea not null,
  count integer not null default 0 check (count >= 0),
  primary key (day, key_hash)
);

-- One secret for the public form: signs the timestamp tokens the form is given (the minimum fill time) and keys the
-- hashes above. Made by the first server that needs it (insert … on conflict do nothing), then shared by all.
create table public_form_keys (
  id smallint primary key check (id = 1),
  secret bytea not null check (length(secret) >= 32),
  created_at timestamptz not null default now()
);
