import { Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { isWhole, parseFieldText, toFieldText } from './numberText.ts';
import type { ValueType } from './reporting.api.ts';

type Props = {
  id: string;
  type: ValueType;
  text: string;
  onChange: (text: string) => void;
  invalid: boolean;
  readOnly: boolean;
  /** The field's accessible name (the indicator, and the organisation of a breakdown row). */
  label: string;
  /** Ids of the texts describing the field (its checks, last period's values). */
  describedBy?: string;
  /** What an empty field stands for (the sum of a breakdown's parts), shown greyed. */
  placeholder?: string;
};

/** One value of the entry form, by the indicator's type: a number typed the Vietnamese way (1.234,5), yes/no as a
 * switch, text as a text area; plain text when the report cannot be edited. Marked `data-entry` so that Enter moves
 * to the next one. */
export function ValueField({ id, type, text, onChange, invalid, readOnly, label, describedBy, placeholder }: Props) {
  const { t } = useTranslation();
  if (readOnly) {
    const shown = type === 'boolean' ? (text === '' ? '' : t(text === '1' ? 'reporting.yes' : 'reporting.no')) : text;
    return (
      <output id={id} className="entry-readonly" aria-label={label}>
        {shown || placeholder || '—'}
      </output>
    );
  }
  if (type === 'boolean')
    return (
      <Switch
        id={id}
        data-entry
        checked={text === '1'}
        checkedChildren={t('reporting.yes')}
        unCheckedChildren={t('reporting.no')}
        onChange={(on) => onChange(on ? '1' : '0')}
        aria-label={label}
        aria-describedby={describedBy}
      />
    );
  if (type === 'text')
    return (
      <Input.TextArea
        id={id}
        data-entry
        value={text}
        autoSize={{ minRows: 2, maxRows: 8 }}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
        aria-describedby={describedBy}
      />
    );
  return (
    <Input
      id={id}
      data-entry
      className="entry-number"
      value={text}
      inputMode={isWhole(type) ? 'numeric' : 'decimal'}
      autoComplete="off"
      placeholder={placeholder}
      status={invalid ? 'error' : undefined}
      aria-invalid={invalid || undefined}
      suffix={type === 'percentage' ? '%' : undefined}
      onChange={(e) => onChange(e.target.value)}
      // Once left, a number is written back the usual way (1234567 → 1.234.567).
      onBlur={() => {
        const n = parseFieldText(text, type);
        if (n !== undefined && n !== null) {
          const shown = toFieldText(n, type);
          if (shown !== text) onChange(shown);
        }
      }}
      aria-label={label}
      aria-describedby={describedBy}
    />
  );
}
