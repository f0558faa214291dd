import type { FormRow, VersionIndicatorRow, VersionRow } from './forms.repository.ts';
import type { FormVersion, PeriodTypeName } from './forms.schemas.ts';

export function presentVersion(v: VersionRow, indicators: readonly VersionIndicatorRow[]): FormVersion {
  return {
    id: v.id,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    submitter: v.submitter as FormVersion['submitter'],
    unitKinds: v.unit_kinds,
    bodyKinds: v.body_kinds,
    windowDay: v.window_day,
    dueDays: v.due_days,
    lockDays: v.lock_days,
    sections: Array.isArray(v.sections) ? (v.sections as FormVersion['sections']) : [],
    indicators: indicators
      .filter((i) => i.form_version_id === v.id)
      .map((i) => ({
        indicatorId: i.indicator_id,
        code: i.code,
        name: i.name,
        measure: i.measure,
        valueType: i.value_type as FormVersion['indicators'][number]['valueType'],
        breakdown: i.breakdown as FormVersion['indicators'][number]['breakdown'],
        required: i.required,
        position: i.position,
      })),
    version: v.version,
  };
}

export function presentForm(f: FormRow) {
  return { id: f.id, code: f.code, name: f.name, periodType: f.period_type as PeriodTypeName, version: f.version };
}
