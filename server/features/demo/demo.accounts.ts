import crypto from 'node:crypto';
import type { Trx } from '../../db/tx.ts';
import type { PasswordHasher } from '../../security/passwords.ts';
import { unitByCode } from '../units/index.ts';
import * as repo from './demo.repository.ts';

type Role = { role: string; unitCode: string; asOf: string; body?: string; from?: string; to?: string };
type DemoAccount = {
  username: string;
  email: string;
  displayName: string;
  person?: string;
  isAdmin?: boolean;
  roles: Role[];
};

/** The fixed demo accounts (listed in the README), with dated roles taken from the seeds' story. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    email: 'admin@khoi.local',
    displayName: 'Quản trị Quảng Ninh',
    isAdmin: true,
    roles: [{ role: 'admin', unitCode: '22', asOf: '2025-01-01' }],
  },
  {
    username: 'mongcai',
    email: 'mongcai@khoi.local',
    displayName: 'Nguyễn Văn Định',
    person: 'Nguyễn Văn Định',
    roles: [
      {
        role: 'leader',
        unitCode: '194',
        asOf: '2025-01-01',
        body: 'Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái',
        to: '2025-07-01',
      },
      // Until the reform the city's leader also split the city's plan to its communes (targets are managed over the
      // unit itself, not narrowed to a body; its communes' reports it reviews through the bloc office above).
      { role: 'leader', unitCode: '194', asOf: '2021-01-01', to: '2025-07-01' },
      {
        role: 'leader',
        unitCode: '06712',
        asOf: '2025-07-01',
        body: 'Ủy ban MTTQ Phường Móng Cái 1',
        from: '2025-07-01',
      },
    ],
  },
  {
    username: 'quangyen',
    email: 'quangyen@khoi.local',
    displayName: 'Đặng Văn Hùng',
    person: 'Đặng Văn Hùng',
    roles: [
      {
        role: 'leader',
        unitCode: '206',
        asOf: '2025-01-01',
        body: 'Cơ quan Khối MTTQ và các đoàn thể CT-XH TX Quảng Yên',
        to: '2025-07-01',
      },
      {
        role: 'leader',
        unitCode: '07132',
        asOf: '2025-07-01',
        body: 'Ủy ban MTTQ Phường Quảng Yên',
        from: '2025-07-01',
      },
    ],
  },
  {
    username: 'canbo',
    email: 'canbo@khoi.local',
    displayName: 'Vũ Thị Lan',
    person: 'Vũ Thị Lan',
    roles: [
      // Before the reform an officer of the city's bloc office, who entered the communes' reports.
      { role: 'officer', unitCode: '194', asOf: '2021-01-01', to: '2025-07-01' },
      { role: 'officer', unitCode: '06712', asOf: '2025-07-01', from: '2025-07-01' },
    ],
  },
  {
    username: 'baocao',
    email: 'baocao@khoi.local',
    displayName: 'Hoàng Văn Tư',
    person: 'Hoàng Văn Tư',
    roles: [{ role: 'reporter', unitCode: '06721-001', asOf: '2025-07-01', from: '2025-07-01' }],
  },
];

/** Creates the demo accounts that do not exist yet. Returns the password used when any was created. */
export async function seedDemoAccounts(
  trx: Trx,
  passwords: PasswordHasher,
  password: string | undefined,
): Promise<{ added: number; password: string | null }> {
  const missing: DemoAccount[] = [];
  for (const a of DEMO_ACCOUNTS) if (!(await repo.accountNamed(trx, a.username))) missing.push(a);
  if (!missing.length) return { added: 0, password: null };
  const pw = password ?? crypto.randomBytes(9).toString('base64url');
  const hash = await passwords.hash(pw);
  for (const a of missing) {
    const person = a.person ? await repo.personNamed(trx, a.person) : undefined;
    const accountId = await repo.insertAccount(trx, {
      username: a.username,
      email: a.email,
      display_name: a.displayName,
      password_hash: hash,
      is_admin: a.isAdmin ?? false,
      must_change_password: false,
      person_id: person?.id ?? null,
    });
    for (const r of a.roles) {
      const unit = await unitByCode(trx, r.unitCode, r.asOf);
      if (!unit) throw new Error(`demo: no unit ${r.unitCode} on ${r.asOf}`);
      const body = r.body ? await repo.bodyNamed(trx, r.body) : undefined;
      await repo.insertRoleAssignment(trx, {
        account_id: accountId,
        role: r.role,
        unit_id: unit.unit_id,
        body_id: body?.id ?? null,
        valid_from: r.from ?? null,
        valid_to: r.to ?? null,
      });
    }
  }
  return { added: missing.length, password: pw };
}
