import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { changePercent, isNumeric, parseFieldText, toFieldText } from './numberText.ts';
import type { Check, Conflict, FormIndicator, Value } from './reporting.api.ts';
import { fieldKey, sumOfParts, type Draft } from './useEntryDraft.ts';
import { ValueField } from './ValueField.tsx';

type Props = {
  indicators: FormIndicator[];
  /** Per indicator: '' (the whole) and, with a breakdown by organisation, each organisation's kind code. */
  categories: string[][];
  categoryName: (code: string) => string;
  draft: Draft;
  readOnly: boolean;
  previous: Map<string, Value>;
  lastYear: Map<string, Value>;
  checks: Check[];
  conflicts: Conflict[];
};

/** Values of earlier reports by indicator and category. */
export function valuesByKey(values: Value[] | undefined): Map<string, Value> {
  return new Map((values ?? []).map((v) => [fieldKey(v.indicatorId, v.category), v]));
}

function signed(percent: number): string {
  return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${formatPercent(Math.abs(percent))}`;
}

/** An earlier value beside a field, with the change from it when both are numbers. */
function Earlier({ label, before, now }: { label: string; before: Value | undefined; now: number | null }) {
  const value = before?.value ?? null;
  if (before?.text) return null;
  const change = changePercent(now, value);
  return (
    <div className="entry-earlier">
      <span className="entry-earlier-label">{label}: </span>
      {value === null ? '—' : formatNumber(value)}
      {change !== null ? <span className="entry-change"> ({signed(change)})</span> : null}
    </div>
  );
}

/** The indicators of the form, one row each (a card on a phone), with an organisation's sub-rows under those broken
 * down by organisation. */
export function EntryRows(props: Props) {
  const { t } = useTranslation();
  const { draft } = props;
  return (
    <div className="entry-rows">
      <div className="entry-head" aria-hidden>
        <span>{t('reporting.entry.indicator')}</span>
        <span>{t('reporting.entry.measure')}</span>
        <span>{t('reporting.entry.value')}</span>
        <span>{t('reporting.entry.previous')}</span>
        <span>{t('reporting.entry.lastYear')}</span>
      </div>
      {props.indicators.map((ind, i) => {
        const checks = props.checks.filter((c) => c.indicatorId === ind.indicatorId);
        const conflicts = props.conflicts.filter((c) => c.indicatorId === ind.indicatorId);
        const cats = props.categories[i] ?? [''];
        // A whole left empty is saved as the sum of the parts: shown as the field's placeholder meanwhile.
        const partsSum =
          cats.length > 1 && isNumeric(ind.valueType)
            ? sumOfParts(
                cats.filter((c) => c !== '').map((c) => parseFieldText(draft.text(ind.indicatorId, c), ind.valueType)),
              )
            : null;
        return cats.map((category) => {
          const key = fieldKey(ind.indicatorId, category);
          const id = `entry-${ind.indicatorId}-${category || 'all'}`;
          const text = draft.text(ind.indicatorId, category);
          const sum = category === '' && text === '' ? partsSum : null;
          const now = isNumeric(ind.valueType) ? (parseFieldText(text, ind.valueType) ?? sum) : null;
          const sub = category !== '';
          const name = sub ? `${ind.name} — ${props.categoryName(category)}` : ind.name;
          const invalid = draft.invalid.has(key);
          const notes = `${id}-notes`;
          return (
            <div key={key} className={sub ? 'entry-row entry-sub' : 'entry-row'}>
              <div className="entry-name">
                <label htmlFor={id}>{sub ? props.categoryName(category) : ind.name}</label>
                {!sub && ind.required && !props.readOnly ? (
                  <span className="entry-required" title={t('reporting.entry.required')}>
                    *
                  </span>
                ) : null}
                {!sub ? <span className="entry-code">{ind.code}</span> : null}
              </div>
              <div className="entry-measure">{ind.measure ?? ''}</div>
              <div className="entry-input">
                <ValueField
                  id={id}
                  type={ind.valueType}
                  text={text}
                  onChange={(next) => draft.set(ind.indicatorId, category, next)}
                  invalid={invalid}
                  readOnly={props.readOnly}
                  label={name}
                  describedBy={notes}
                  placeholder={sum === null ? undefined : toFieldText(sum, ind.valueType)}
                />
                <div id={notes}>
                  {invalid ? (
                    <Typography.Text type="danger" className="entry-note">
                      {t(
                        ind.valueType === 'integer' || ind.valueType === 'money'
                          ? 'reporting.entry.notWhole'
                          : 'reporting.entry.notNumber',
                      )}
                    </Typography.Text>
                  ) : null}
                  {!sub
                    ? checks.map((c, n) => (
                        <Typography.Text
                          key={n}
                          type={c.severity === 'blocking' ? 'danger' : 'warning'}
                          className={`entry-note entry-check-${c.severity}`}
                        >
                          {c.message}
                        </Typography.Text>
                      ))
                    : null}
                  {conflicts
                    .filter((c) => c.category === category)
                    .map((c, n) => (
                      <Typography.Text key={`c${n}`} type="warning" className="entry-note">
                        {t('reporting.entry.conflictNote', { source: c.other.bodyName ?? c.other.unitName })}
                      </Typography.Text>
                    ))}
                </div>
              </div>
              {ind.valueType !== 'text' ? (
                <>
                  <Earlier label={t('reporting.entry.previous')} before={props.previous.get(key)} now={now} />
                  <Earlier label={t('reporting.entry.lastYear')} before={props.lastYear.get(key)} now={now} />
                </>
              ) : null}
            </div>
          );
        });
      })}
    </div>
  );
}
