import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../../lib/format.ts';
import { formsListKey, listReportForms } from '../forms/forms.api.ts';
import { indicatorListKey, listIndicatorsBy } from '../indicators/indicators.api.ts';
import type { Rule } from './rules.api.ts';

/** Names of indicators and forms by id: the rules name them by id only (the lists are small: tens). */
export function useRuleNames() {
  const indicators = useQuery({
    queryKey: indicatorListKey({}),
    queryFn: ({ signal }) => listIndicatorsBy({}, signal),
    staleTime: 60_000,
  });
  const forms = useQuery({
    queryKey: formsListKey,
    queryFn: ({ signal }) => listReportForms(signal),
    staleTime: 60_000,
  });
  return { indicators: indicators.data?.items ?? [], forms: forms.data?.items ?? [], loading: indicators.isPending };
}

/** A rule as a sentence: "Hộ mẫu đạt không vượt quá Hộ đăng ký", "… không quá 3 lần mức trung bình các kỳ trước". */
export function ruleSentence(r: Rule, indicatorName: (id: string) => string, t: TFunction): string {
  const indicator = indicatorName(r.indicatorId);
  if (r.kind === 'history') return t('reportingRules.historyLine', { indicator, factor: formatNumber(r.factor ?? 0) });
  const other = r.otherIndicatorId ? indicatorName(r.otherIndicatorId) : formatNumber(r.constant ?? 0);
  return t('reportingRules.compareLine', { indicator, op: t(`reportingRules.ops.${r.op ?? '<='}`), other });
}
