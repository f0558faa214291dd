import type { Lang } from '../../i18n/messages.ts';
import type * as repo from './units.repository.ts';

type TreeRow =
  Awaited<ReturnType<typeof repo.children>>[number] | NonNullable<Awaited<ReturnType<typeof repo.findByCode>>>;
type HistoryRow = Awaited<ReturnType<typeof repo.history>>[number];
type LinkRow = Awaited<ReturnType<typeof repo.links>>[number];
type KindRow = Awaited<ReturnType<typeof repo.kinds>>[number];
type PendingRow = Awaited<ReturnType<typeof repo.pending>>[number];

export function presentUnit(r: TreeRow, lang: Lang) {
  return {
    id: r.unit_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    kindName: lang === 'en' ? r.kind_en : r.kind_vi,
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
    ...('has_children' in r ? { hasChildren: Boolean(r.has_children) } : {}),
  };
}

export function presentVersion(h: HistoryRow, lang: Lang) {
  return {
    id: h.id,
    validFrom: h.valid_from,
    validTo: h.valid_to,
    code: h.code,
    name: h.name,
    kind: h.kind,
    kindName: lang === 'en' ? h.kind_en : h.kind_vi,
    parentCode: h.parent_code,
    parentName: h.parent_name,
    source: h.source,
    version: h.version,
  };
}

export function presentLink(l: LinkRow) {
  return { direction: l.direction, id: l.other_id, code: l.code, name: l.name, type: l.type, date: l.link_date };
}

export function presentKind(k: KindRow, lang: Lang) {
  return { code: k.code, level: k.level, name: lang === 'en' ? k.name_en : k.name_vi };
}

export function presentPending(p: PendingRow) {
  return {
    id: p.id,
    unitId: p.unit_id,
    reason: p.reason as 'unlinked_ending' | 'village_placement',
    date: p.pending_date,
    code: p.code,
    name: p.name,
    level: p.level,
    parentName: p.parent_name,
  };
}
