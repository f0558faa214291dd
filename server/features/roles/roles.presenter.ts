import type { Lang } from '../../i18n/messages.ts';
import type * as repo from './roles.repository.ts';

type AssignmentRow = Awaited<ReturnType<typeof repo.assignment>>;
type RoleRow = Awaited<ReturnType<typeof repo.roles>>[number];

export function presentRole(r: RoleRow, lang: Lang) {
  return { code: r.code, name: lang === 'en' ? r.name_en : r.name_vi, permissions: r.permissions };
}

export function presentAssignment(r: AssignmentRow, lang: Lang) {
  return {
    id: r.id,
    accountId: r.account_id,
    role: r.role,
    roleName: lang === 'en' ? r.name_en : r.name_vi,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name ?? '',
    bodyId: r.body_id,
    bodyName: r.body_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
  };
}
