import type { Lang } from '../../i18n/messages.ts';
import type * as repo from './bodies.repository.ts';
import type { BodyItem } from './bodies.schemas.ts';

type KindRow = Awaited<ReturnType<typeof repo.kinds>>[number];
type LinkRow = Awaited<ReturnType<typeof repo.predecessorsOf>>[number];

export function presentBody(r: repo.BodyRow, lang: Lang): BodyItem {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    kind: r.kind,
    kindName: lang === 'en' ? r.kind_en : r.kind_vi,
    inBloc: r.in_bloc,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
    deleted: r.deleted_at !== null,
  };
}

export function presentBodyLink(l: LinkRow) {
  return { id: l.id, name: l.name, date: l.link_date };
}

export function presentKind(k: KindRow, lang: Lang) {
  return { code: k.code, name: lang === 'en' ? k.name_en : k.name_vi, shortName: k.short_vi, inBloc: k.in_bloc };
}
