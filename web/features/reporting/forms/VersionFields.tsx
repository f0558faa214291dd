import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { KINDS_KEY, listKinds } from '../../bodies/bodies.api.ts';
import { indicatorListKey, listIndicatorsBy } from '../indicators/indicators.api.ts';
import { listUnitKinds, UNIT_KINDS_KEY, type FormVersion, type VersionInput } from './forms.api.ts';

/** What the fields of a version hold while edited. */
export type VersionValues = {
  submitter: 'unit' | 'body';
  unitKinds: string[];
  bodyKinds: string[];
  calendar: boolean;
  windowDay: number | null;
  dueDays: number;
  lockDays: number | null;
  sections: { key?: string; title: string }[];
  indicators: { indicatorId?: string; required: boolean }[];
};

export const VERSION_FIELDS = [
  'submitter',
  'unitKinds',
  'bodyKinds',
  'windowDay',
  'dueDays',
  'lockDays',
  'sections',
  'indicators',
] as const;

/** The fields of a version, from one read (a new version starts as a copy of the one in force). */
export function versionValues(v: FormVersion | null): VersionValues {
  if (!v)
    return {
      submitter: 'unit',
      unitKinds: [],
      bodyKinds: [],
      calendar: false,
      windowDay: 15,
      dueDays: 0,
      lockDays: null,
      sections: [
        { key: 'results', title: 'Kết quả thực hiện' },
        { key: 'shortcomings', title: 'Tồn tại, hạn chế' },
        { key: 'tasks', title: 'Nhiệm vụ thời gian tới' },
      ],
      indicators: [],
    };
  return {
    submitter: v.submitter,
    unitKinds: v.unitKinds,
    bodyKinds: v.bodyKinds,
    calendar: v.windowDay === null,
    windowDay: v.windowDay ?? 15,
    dueDays: v.dueDays,
    lockDays: v.lockDays,
    sections: v.sections,
    indicators: v.indicators.map((i) => ({ indicatorId: i.indicatorId, required: i.required })),
  };
}

/** A section's key from its title: "Tồn tại, hạn chế" → ton_tai_han_che, unique among `taken`. */
function sectionKey(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(?=[^a-z])/, 's_')
      .slice(0, 36) || 's';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

/** The version as the API takes it. */
export function versionInput(v: VersionValues): VersionInput {
  const taken = new Set(v.sections.flatMap((s) => (s.key ? [s.key] : [])));
  return {
    submitter: v.submitter,
    unitKinds: v.unitKinds,
    bodyKinds: v.bodyKinds,
    windowDay: v.calendar ? null : (v.windowDay ?? 15),
    dueDays: v.dueDays ?? 0,
    lockDays: v.lockDays ?? null,
    sections: v.sections
      .filter((s) => s.title?.trim())
      .map((s) => ({ key: s.key ?? sectionKey(s.title, taken), title: s.title.trim() })),
    indicators: v.indicators.flatMap((i) =>
      i.indicatorId ? [{ indicatorId: i.indicatorId, required: i.required }] : [],
    ),
  };
}

/** Who submits, when, the narrative sections and the indicators in order. `base` places the fields in the form
 * (a new form holds them under firstVersion). */
export function VersionFields({ base }: { base: string[] }) {
  const { t } = useTranslation();
  const name = (...p: (string | number)[]) => [...base, ...p];
  const form = Form.useFormInstance();
  const calendar = Form.useWatch(name('calendar'), form) as boolean | undefined;
  const unitKinds = useQuery({
    queryKey: UNIT_KINDS_KEY,
    queryFn: ({ signal }) => listUnitKinds(signal),
    staleTime: 600_000,
  });
  const bodyKinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 600_000 });
  const indicators = useQuery({
    queryKey: indicatorListKey({ kind: 'entered' }),
    queryFn: ({ signal }) => listIndicatorsBy({ kind: 'entered' }, signal),
    staleTime: 60_000,
  });

  return (
    <>
      <Form.Item name={name('submitter')} label={t('reportForms.submitter')}>
        <Radio.Group
          options={[
            { value: 'unit', label: t('reportForms.submitters.unit') },
            { value: 'body', label: t('reportForms.submitters.body') },
          ]}
        />
      </Form.Item>
      <div className="report-form-row">
        <Form.Item name={name('unitKinds')} label={t('reportForms.unitKinds')}>
          <Select
            mode="multiple"
            loading={unitKinds.isPending}
            options={(unitKinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name={name('bodyKinds')} label={t('reportForms.bodyKinds')}>
          <Select
            mode="multiple"
            loading={bodyKinds.isPending}
            options={(bodyKinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </div>
      <div className="report-form-row">
        <Form.Item label={t('reportForms.window')} extra={calendar ? null : t('reportForms.windowHelp')}>
          <Flex gap={8} align="center" wrap>
            <Form.Item name={name('windowDay')} noStyle>
              <InputNumber min={2} max={28} precision={0} disabled={calendar} aria-label={t('reportForms.windowDay')} />
            </Form.Item>
            <Form.Item name={name('calendar')} valuePropName="checked" noStyle>
              <Checkbox>{t('reportForms.calendar')}</Checkbox>
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name={name('dueDays')} label={t('reportForms.dueDays')} extra={t('reportForms.dueDaysHelp')}>
          <InputNumber min={0} max={120} precision={0} />
        </Form.Item>
        <Form.Item name={name('lockDays')} label={t('reportForms.lockDays')} extra={t('reportForms.lockDaysHelp')}>
          <InputNumber min={0} max={366} precision={0} />
        </Form.Item>
      </div>

      <Form.Item label={t('reportForms.indicators')} required>
        <Form.List name={name('indicators')}>
          {(rows, { add, remove, move }) => (
            <ol className="report-form-list">
              {rows.map((row, i) => (
                <li key={row.key}>
                  <Form.Item name={[row.name, 'indicatorId']} noStyle>
                    <Select
                      className="report-form-indicator"
                      showSearch={{ optionFilterProp: 'label' }}
                      aria-label={t('reportForms.indicatorN', { n: i + 1 })}
                      loading={indicators.isPending}
                      options={(indicators.data?.items ?? []).map((x) => ({
                        value: x.id,
                        label: `${x.code} — ${x.name}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'required']} valuePropName="checked" noStyle>
                    <Checkbox>{t('reportForms.required')}</Checkbox>
                  </Form.Item>
                  <span className="report-form-row-buttons">
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined aria-hidden />}
                      aria-label={t('reportForms.up')}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined aria-hidden />}
                      aria-label={t('reportForms.down')}
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, i + 1)}
                    />
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(row.name)}
                    />
                  </span>
                </li>
              ))}
              <li className="report-form-add">
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ required: false })}>
                  {t('reportForms.addIndicator')}
                </Button>
              </li>
            </ol>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item label={t('reportForms.sections')}>
        <Form.List name={name('sections')}>
          {(rows, { add, remove }) => (
            <ol className="report-form-list">
              {rows.map((row, i) => (
                <li key={row.key}>
                  <Form.Item name={[row.name, 'title']} noStyle>
                    <Input maxLength={200} aria-label={t('reportForms.sectionN', { n: i + 1 })} />
                  </Form.Item>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(row.name)}
                  />
                </li>
              ))}
              <li className="report-form-add">
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '' })}>
                  {t('reportForms.addSection')}
                </Button>
              </li>
            </ol>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
