-- Files a citizen attaches on the public petition form (server/features/petitions-public). Each upload is bound to
-- the form it was made on (the nonce of the form's signed token): only a submission carrying that same token may
-- attach it, so an upload's id alone is worth nothing to someone else. An upload no submission took is deleted by the
-- daily job two days on (a form token lives one day), bytes and all; a row whose file was attached is dropped then too.
--
-- Not audited, as public_petition_counts (migration 0022): the file itself is (files_audit), and the attachment is
-- (petition_attachments_audit).
create table public_uploads (
  file_id uuid primary key references files (id),
  form_nonce text not null,
  uploaded_at timestamptz not null default now()
);
create index public_uploads_form_idx on public_uploads (form_nonce);
create index public_uploads_age_idx on public_uploads (uploaded_at);

-- A file's name may name its sender ("CCCD Nguyễn Văn A.jpg"), and a file is stored before anyone knows whether a
-- petition will hold it: the audit log keeps no file names (the label of a file reads the name from the live row,
-- and only when no petition holds the file nor the public form stored it).
drop trigger files_audit on files;
create trigger files_audit after insert or update or delete on files
  for each row execute function audit_row_redacted('filename');
