import type { z } from 'zod';
import type { DayKind, VersionTerms } from './legal-deadlines.rules.ts';
import type { ruleInForce } from './legal-deadlines.schemas.ts';
import type { VersionRow } from './legal-deadlines.repository.ts';

type VariantRow = {
  version_id: string;
  code: string;
  name: string;
  kind: string;
  days: number | null;
  max_uses: number | null;
  basis: string | null;
};
type CombinationRow = { version_id: string; variants: string[]; days: number; basis: string | null };

export const asDayKind = (s: string): DayKind => (s === 'working' ? 'working' : 'calendar');

export function presentVariant(v: VariantRow) {
  return {
    code: v.code,
    name: v.name,
    kind: v.kind === 'repeat' ? ('repeat' as const) : ('combine' as const),
    days: v.days,
    maxUses: v.max_uses,
    basis: v.basis,
  };
}

export function presentCombination(c: CombinationRow) {
  return { variants: c.variants, days: c.days, basis: c.basis };
}

/** The variants and combinations of each version, grouped by version id. */
export function groupTerms(variants: readonly VariantRow[], combinations: readonly CombinationRow[]) {
  const out = new Map<
    string,
    { variants: ReturnType<typeof presentVariant>[]; combinations: ReturnType<typeof presentCombination>[] }
  >();
  const of = (id: string) => {
    let g = out.get(id);
    if (!g) out.set(id, (g = { variants: [], combinations: [] }));
    return g;
  };
  for (const v of variants) of(v.version_id).variants.push(presentVariant(v));
  for (const c of combinations) of(c.version_id).combinations.push(presentCombination(c));
  return (id: string) => out.get(id) ?? { variants: [], combinations: [] };
}

/** What the count needs of a version. */
export function versionTerms(v: VersionRow, g: ReturnType<ReturnType<typeof groupTerms>>): VersionTerms {
  return { days: v.days, basis: v.basis, variants: g.variants, combinations: g.combinations };
}

export function presentRuleInForce(
  v: VersionRow & { code: string; name: string },
  g: ReturnType<ReturnType<typeof groupTerms>>,
): z.infer<typeof ruleInForce> {
  return {
    code: v.code,
    version: v.number,
    dayKind: asDayKind(v.day_kind),
    days: v.days,
    basis: v.basis,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    name: v.name,
    confirmed: v.confirmed,
    variants: g.variants,
    combinations: g.combinations,
  };
}

export function presentVersion(v: VersionRow, g: ReturnType<ReturnType<typeof groupTerms>>, inForce: boolean) {
  return {
    id: v.id,
    version: v.number,
    dayKind: asDayKind(v.day_kind),
    days: v.days,
    basis: v.basis,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    status: v.status === 'alternative' ? ('alternative' as const) : ('applied' as const),
    confirmed: v.confirmed,
    confirmedAt: v.confirmed_at ? new Date(v.confirmed_at).toISOString() : null,
    note: v.note,
    inForce,
    variants: g.variants,
    combinations: g.combinations,
  };
}
