import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../ui/FormActions.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import { BodySelect } from './BodySelect.tsx';
import { BODIES_KEY, createBody, KINDS_KEY, listKinds, updateBody, type Body } from './bodies.api.ts';

/** `body: null` adds a body; a body edits it. */
export type BodyFormTarget = { body: Body | null };

type Props = {
  target: BodyFormTarget | null;
  asOf: string;
  unit: string | null;
  onClose: () => void;
  onCreated: (body: Body) => void;
};

type Values = {
  unitCode?: string;
  kind?: string;
  name: string;
  shortName?: string;
  parentId?: string | null;
  validFrom?: Dayjs | null;
};

const FIELDS = ['unitCode', 'kind', 'name', 'shortName', 'parentId', 'validFrom'] as const;

/** Thêm mới / Sửa a body. Editing sends the version it read; a stale version is reported, never overwritten. */
export function BodyFormModal({ target, ...rest }: Props) {
  const { t } = useTranslation();
  const title = target?.body ? t('bodies.editTitle', { name: target.body.name }) : t('bodies.createTitle');
  return (
    <Modal open={target !== null} title={title} onCancel={rest.onClose} footer={null} width={600} destroyOnHidden>
      {target ? <BodyForm body={target.body} title={title} {...rest} /> : null}
    </Modal>
  );
}

function BodyForm({
  body,
  title,
  asOf,
  unit,
  onClose,
  onCreated,
}: Omit<Props, 'target'> & { body: Body | null; title: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });
  const validFrom: Dayjs | null | undefined = Form.useWatch('validFrom', form);
  // Units and parents are looked up as of the start date (or the page's date when the start is open).
  const on = validFrom ? validFrom.format('YYYY-MM-DD') : asOf;

  const initialValues: Values = body
    ? { name: body.name, shortName: body.shortName ?? '', parentId: body.parentId }
    : { unitCode: unit ?? undefined, name: '', shortName: '', parentId: null, validFrom: dayjs(asOf) };

  const saving = useFormSave(form, {
    fields: FIELDS,
    submit: (v: Values) => {
      const shortName = v.shortName?.trim() ? v.shortName.trim() : null;
      if (body)
        return updateBody(body.id, {
          version: body.version,
          name: v.name.trim(),
          shortName,
          parentId: v.parentId ?? null,
        });
      return createBody({
        unitCode: v.unitCode!,
        kind: v.kind!,
        name: v.name.trim(),
        ...(shortName ? { shortName } : {}),
        parentId: v.parentId ?? null,
        ...(v.validFrom ? { validFrom: v.validFrom.format('YYYY-MM-DD') } : {}),
      });
    },
    savedText: (saved) => t(body ? 'bodies.saved' : 'bodies.created', { name: saved.name }),
    refresh: [BODIES_KEY],
    done: (saved) => {
      onClose();
      if (!body) onCreated(saved);
    },
    reloadKey: BODIES_KEY,
    onClose,
  });
  const required = { required: true, message: t('validation.required') };

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      {body ? null : (
        <>
          <Form.Item name="unitCode" label={t('bodies.unit')} extra={t('bodies.unitHelp')} rules={[required]}>
            <UnitSearchSelect asOf={on} placeholder={t('bodies.unitPlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item name="kind" label={t('bodies.kind')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={kinds.isFetching}
              options={(kinds.data ?? []).map((k) => ({
                value: k.code,
                label: k.inBloc ? k.name : `${k.name} (${t('bodies.outsideBloc')})`,
              }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="name"
        label={t('bodies.name')}
        extra={t('bodies.nameHelp')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={300} autoComplete="off" autoFocus={body !== null} />
      </Form.Item>
      <Form.Item name="shortName" label={t('bodies.shortName')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="parentId" label={t('bodies.parent')} extra={t('bodies.parentHelp')}>
        <BodySelect
          asOf={on}
          excludeId={body?.id}
          initial={body?.parentId ? { id: body.parentId, name: body.parentName ?? '' } : null}
        />
      </Form.Item>
      {body ? null : (
        <Form.Item name="validFrom" label={t('bodies.validFrom')} extra={t('bodies.validFromHelp')}>
          <DateInput />
        </Form.Item>
      )}
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}
