import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/DateInput.tsx';
import { showFormError } from '../../ui/errors.ts';
import { addVersion, type NewVersion, type RuleWithVersions } from './legalDeadlines.api.ts';

type Values = Omit<NewVersion, 'validFrom' | 'combinations'> & {
  validFrom?: Dayjs;
  combinations: { variants: string[]; days: number; basis?: string | null }[];
};

const FIELDS = [
  'dayKind',
  'days',
  'basis',
  'validFrom',
  'validTo',
  'status',
  'confirmed',
  'note',
  'variants',
  'combinations',
];

/** "Thêm phiên bản": a new version of a rule (a new law, a circular's reading), filled from the latest applied one so
 * that only what changed is typed; an applied version ends the one in force on its first day. */
export function AddVersionModal({ rule, onClose }: { rule: RuleWithVersions; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const latest = [...rule.versions].reverse().find((v) => v.status === 'applied');
  const initial: Partial<Values> = {
    dayKind: latest?.dayKind ?? 'calendar',
    days: latest?.days ?? 10,
    status: 'applied',
    confirmed: false,
    variants: (latest?.variants ?? []).map((v) => ({
      code: v.code,
      name: v.name,
      kind: v.kind,
      ...(v.kind === 'repeat' ? { days: v.days ?? 1, maxUses: v.maxUses ?? 1 } : {}),
      basis: v.basis,
    })),
    combinations: (latest?.combinations ?? []).map((c) => ({ variants: c.variants, days: c.days, basis: c.basis })),
  };
  const save = useMutation({
    mutationFn: (v: Values) =>
      addVersion(rule.code, {
        ...v,
        validFrom: v.validFrom!.format('YYYY-MM-DD'),
        note: v.note || null,
        variants: (v.variants ?? []).map((x) => ({ ...x, basis: x.basis || null })),
        combinations: (v.combinations ?? []).map((x) => ({ ...x, basis: x.basis || null })),
      }),
    onSuccess: (v) => {
      void message.success(t('legalDeadlines.versionAdded', { n: v.version, name: rule.name }));
      void queryClient.invalidateQueries({ queryKey: ['legal-deadlines'] });
      onClose();
    },
    onError: (e) => setProblem(showFormError(form, e, FIELDS, t)),
  });
  const variantCodes = (Form.useWatch('variants', form) ?? [])
    .filter((v) => v?.kind === 'combine' && v.code)
    .map((v) => v.code);
  return (
    <Modal
      open
      title={t('legalDeadlines.addVersionOf', { name: rule.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Flex gap={12} wrap>
          <Form.Item
            name="dayKind"
            label={t('legalDeadlines.dayKind')}
            rules={[{ required: true }]}
            style={{ minWidth: 180, flex: 1 }}
          >
            <Select
              options={[
                { value: 'calendar', label: t('legalDeadlines.kind.calendar') },
                { value: 'working', label: t('legalDeadlines.kind.working') },
              ]}
            />
          </Form.Item>
          <Form.Item name="days" label={t('legalDeadlines.days')} rules={[{ required: true }]} style={{ width: 120 }}>
            <InputNumber min={1} max={3660} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="validFrom"
            label={t('legalDeadlines.validFromField')}
            rules={[{ required: true }]}
            style={{ minWidth: 180, flex: 1 }}
          >
            <DateInput />
          </Form.Item>
        </Flex>
        <Form.Item
          name="basis"
          label={t('legalDeadlines.basis')}
          rules={[{ required: true }]}
          extra={t('legalDeadlines.basisHelp')}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Flex gap={12} wrap align="center">
          <Form.Item name="status" label={t('legalDeadlines.status')} style={{ minWidth: 220, flex: 1 }}>
            <Select
              options={[
                { value: 'applied', label: t('legalDeadlines.statusApplied') },
                { value: 'alternative', label: t('legalDeadlines.alternative') },
              ]}
            />
          </Form.Item>
          <Form.Item name="confirmed" label={t('legalDeadlines.confirmedField')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('legalDeadlines.note')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.List name="variants">
          {(fields, { add, remove }) => (
            <fieldset className="legal-fieldset">
              <legend>{t('legalDeadlines.variants')}</legend>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="flex-start">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true }]} style={{ width: 120 }}>
                    <Input placeholder={t('legalDeadlines.variantCode')} aria-label={t('legalDeadlines.variantCode')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ flex: 1, minWidth: 160 }}>
                    <Input placeholder={t('legalDeadlines.variantName')} aria-label={t('legalDeadlines.variantName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} initialValue="combine" style={{ width: 150 }}>
                    <Select
                      aria-label={t('legalDeadlines.variantKind')}
                      options={[
                        { value: 'combine', label: t('legalDeadlines.variantCombine') },
                        { value: 'repeat', label: t('legalDeadlines.variantRepeat') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['variants', f.name, 'kind']) === 'repeat' ? (
                        <>
                          <Form.Item name={[f.name, 'days']} rules={[{ required: true }]} style={{ width: 110 }}>
                            <InputNumber
                              min={1}
                              max={3660}
                              placeholder={t('legalDeadlines.daysEach')}
                              aria-label={t('legalDeadlines.daysEach')}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'maxUses']} rules={[{ required: true }]} style={{ width: 110 }}>
                            <InputNumber
                              min={1}
                              max={20}
                              placeholder={t('legalDeadlines.maxUses')}
                              aria-label={t('legalDeadlines.maxUses')}
                            />
                          </Form.Item>
                        </>
                      ) : null
                    }
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'combine' })}>
                {t('legalDeadlines.addVariant')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.List name="combinations">
          {(fields, { add, remove }) => (
            <fieldset className="legal-fieldset">
              <legend>{t('legalDeadlines.combinations')}</legend>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="flex-start">
                  <Form.Item
                    name={[f.name, 'variants']}
                    rules={[{ required: true }]}
                    style={{ flex: 1, minWidth: 180 }}
                  >
                    <Select
                      mode="multiple"
                      aria-label={t('legalDeadlines.combinationOf')}
                      placeholder={t('legalDeadlines.combinationOf')}
                      options={variantCodes.map((c) => ({ value: c, label: c }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'days']} rules={[{ required: true }]} style={{ width: 110 }}>
                    <InputNumber
                      min={1}
                      max={3660}
                      placeholder={t('legalDeadlines.days')}
                      aria-label={t('legalDeadlines.days')}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} disabled={!variantCodes.length}>
                {t('legalDeadlines.addCombination')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
