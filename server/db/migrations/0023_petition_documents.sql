-- Petitions, phase 2: the notices' signature block and an officer's words (server/features/petitions-documents), and
-- the retention of petitioners' identities.

-- What the signature block of a notice prints: who signed (a name and position as written under the signature; the
-- chair who signs may have no account) and the officer's words added to the generated text (e.g. the body a
-- guidance names). signed_by (migration 0021) stays the account that recorded the signature.
alter table petition_documents
  add column signer_name text,
  add column signer_title text,
  add column note text;

-- Petitioners' identities (full_name, name_fold, id_number, phone, address, address_fold of `petitioners`) are erased
-- by the daily retention job (server/features/retention) once their case has ended long enough ago; the name is
-- replaced by a marker (it is required), the case, its content and counts stay. `ended_column` names which end:
-- 'filed_on', a letter filed without action (xếp lưu đơn), kept one year (TT 07/2014/TT-TTCP Đ.28: then the head
-- decides on destruction); 'ended_on', any other case once closed, withdrawn or merged — 15 years by default, the
-- keeping period of case files on complaints and denunciations in the archive lists (to be confirmed against the
-- body's own list, Thông tư 10/2022/TT-BNV; an administrator changes the months, or empties them to keep).
insert into retention_rules (kind, name_vi, name_en, table_name, ended_column, fields, months, sort) values
  ('filed_petitioner', 'Thông tin người đứng đơn của đơn xếp lưu (không xử lý)',
   'Identities of petitioners of letters filed without action', 'petitioners', 'filed_on',
   array['full_name', 'name_fold', 'id_number', 'phone', 'address', 'address_fold'], 12, 30),
  ('ended_petitioner', 'Thông tin người đứng đơn của đơn đã kết thúc xử lý',
   'Identities of petitioners of cases that ended', 'petitioners', 'ended_on',
   array['full_name', 'name_fold', 'id_number', 'phone', 'address', 'address_fold'], 180, 31);
