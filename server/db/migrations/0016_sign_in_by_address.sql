-- Sign-in failures from one address, per login they named (the account, or the folded text of a login naming none).
--
-- An address's back-off counts the failures of the last hour across every login, so an office behind one NAT
-- address shares one count. Kept per login, a right password can take back exactly the failures its own login made
-- there, and the address's count and wait are worked out from what remains: a colleague's successful sign-in
-- neither adds to that count nor keeps it alive. Rows of a login whose last failure is older than the window are
-- deleted when the address next tries. The account's own count stays in login_throttle (one row per login).
create table login_failures_by_address (
  address text not null,
  login_key text not null,
  failures integer not null,
  last_failure_at timestamptz not null,
  primary key (address, login_key)
);
