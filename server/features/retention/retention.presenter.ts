import type { Lang } from '../../i18n/messages.ts';
import type * as repo from './retention.repository.ts';

type RuleRow = Awaited<ReturnType<typeof repo.rules>>[number];

export function presentRule(r: RuleRow, lang: Lang) {
  return {
    kind: r.kind,
    name: lang === 'en' ? r.name_en : r.name_vi,
    fields: r.fields,
    months: r.months,
    version: r.version,
  };
}
