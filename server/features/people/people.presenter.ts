import type * as repo from './people.repository.ts';

type PositionRow = Awaited<ReturnType<typeof repo.position>>;
type PersonRow = {
  id: string;
  full_name: string;
  gender: 'male' | 'female' | null;
  version: number;
  deleted_at: Date | null;
  photo_file_id: string | null;
};
type PersonalRow = {
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
};
type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.accountOfPerson>>>;

export function presentPosition(r: PositionRow) {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.full_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    unitName: r.unit_name,
    title: r.title,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    acting: r.acting,
    concurrent: r.concurrent,
    version: r.version,
  };
}

/** A person with the positions in force, given them and whether they have an account. */
export function presentPerson(r: PersonRow, positions: PositionRow[], hasAccount: boolean, photoUrl: string | null) {
  return {
    id: r.id,
    fullName: r.full_name,
    gender: r.gender,
    positions: positions.map(presentPosition),
    hasAccount,
    photoUrl,
    version: r.version,
    deleted: r.deleted_at !== null,
  };
}

export function presentPersonal(r: PersonalRow) {
  return { birthDate: r.birth_date, phone: r.phone, email: r.email, address: r.address, notes: r.notes };
}

export function presentAccountLink(a: AccountRow | undefined) {
  return a ? { id: a.id, username: a.username, disabled: a.disabled_at !== null } : null;
}
