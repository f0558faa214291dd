import type { IndicatorRow } from './indicators.repository.ts';
import type { Indicator } from './indicators.schemas.ts';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export function presentIndicator(r: IndicatorRow): Indicator {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    measure: r.measure,
    valueType: r.value_type as Indicator['valueType'],
    treeAggregation: r.tree_aggregation as Indicator['treeAggregation'],
    timeAggregation: r.time_aggregation as Indicator['timeAggregation'],
    kind: r.kind as Indicator['kind'],
    formula: r.formula,
    coverage:
      r.kind === 'coverage' && r.coverage_source_id
        ? {
            sourceId: r.coverage_source_id,
            sourceCode: r.coverage_source_code ?? '',
            min: num(r.coverage_min),
            level: r.coverage_level ?? 0,
          }
        : null,
    breakdown: r.breakdown as Indicator['breakdown'],
    description: r.description,
    sort: r.sort,
    version: r.version,
  };
}
