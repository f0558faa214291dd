-- Stored files (attachments, people's photos, signed documents): the bytes live in a file store (disk by default,
-- an S3-compatible store later), this table keeps what they are. Classified ("Mật") documents are never stored.
create table files (
  id uuid primary key default gen_random_uuid(),
  storage_key text not null unique,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create trigger files_audit after insert or update or delete on files
  for each row execute function audit_row();

alter table people add column photo_file_id uuid references files (id);
