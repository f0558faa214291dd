import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import type { VillageAction } from './UnitCard.tsx';
import { UnitSearchSelect } from './UnitSearchSelect.tsx';
import {
  addVillage,
  childrenKey,
  closeVillage,
  listChildren,
  mergeVillage,
  moveVillage,
  renameVillage,
  UNITS_KEY,
  VILLAGE_KINDS,
  type UnitItem,
  type VillageKind,
} from './units.api.ts';

/** What to do, to which unit (the commune for 'add', the village otherwise), and the default effective date. */
export type VillageTarget = { action: VillageAction; unit: UnitItem; communeCode: string | null; date: string };

/** What to open once the change is saved: a unit as of a date. */
export type VillageDone = { code: string | null; date: string };

type Props = { target: VillageTarget | null; onClose: () => void; onDone: (done: VillageDone) => void };

type Values = {
  name?: string;
  kind?: VillageKind;
  validFrom?: Dayjs;
  date?: Dayjs;
  parentCode?: string;
  intoId?: string;
};

const FIELDS = ['name', 'kind', 'validFrom', 'date', 'parentCode', 'intoId'] as const;
const iso = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');

/** Thêm thôn/khu, Đổi tên, Chuyển, Sáp nhập, Giải thể: one modal, one form per action, errors beside the fields. */
export function VillageActionModal({ target, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const title = target ? t(`units.actionTitle.${target.action}`, { name: target.unit.name }) : '';
  return (
    <Modal open={target !== null} title={title} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      {target ? <VillageForm target={target} title={title} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function VillageForm({
  target,
  title,
  onClose,
  onDone,
}: {
  target: VillageTarget;
  title: string;
  onClose: () => void;
  onDone: Props['onDone'];
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { action, unit, communeCode } = target;
  const defaultDate = dayjs(target.date);
  const date: Dayjs = Form.useWatch(action === 'add' ? 'validFrom' : 'date', form) ?? defaultDate;
  const dateIso = iso(date);

  const initialValues: Values =
    action === 'add'
      ? { name: '', kind: 'village', validFrom: defaultDate }
      : action === 'rename'
        ? {
            name: unit.name,
            kind: (VILLAGE_KINDS as readonly string[]).includes(unit.kind) ? (unit.kind as VillageKind) : undefined,
            date: defaultDate,
          }
        : { date: defaultDate };

  // Sáp nhập: the other villages of the same commune on the chosen date.
  const siblings = useQuery({
    queryKey: childrenKey(dateIso, communeCode),
    queryFn: ({ signal }) => listChildren(dateIso, communeCode, signal),
    enabled: action === 'merge' && communeCode !== null,
  });
  const mergeOptions = (siblings.data ?? [])
    .filter((s) => s.level === 4 && s.id !== unit.id)
    .map((s) => ({ value: s.id, label: s.code ? `${s.name} (${s.code})` : s.name }));

  const saving = useFormSave(form, {
    fields: FIELDS,
    submit: async (v: Values): Promise<VillageDone> => {
      switch (action) {
        case 'add': {
          const r = await addVillage({
            parentCode: unit.code!,
            name: v.name!.trim(),
            kind: v.kind ?? 'village',
            validFrom: iso(v.validFrom),
          });
          return { code: r.unit.code, date: iso(v.validFrom) };
        }
        case 'rename': {
          const r = await renameVillage(unit.id, {
            name: v.name!.trim(),
            kind: v.kind,
            date: iso(v.date),
            version: unit.version,
          });
          return { code: r.unit.code, date: iso(v.date) };
        }
        case 'move': {
          const r = await moveVillage(unit.id, { parentCode: v.parentCode!, date: iso(v.date), version: unit.version });
          return { code: r.unit.code, date: iso(v.date) };
        }
        case 'merge':
          await mergeVillage(unit.id, { intoId: v.intoId!, date: iso(v.date), version: unit.version });
          return { code: (siblings.data ?? []).find((s) => s.id === v.intoId)?.code ?? communeCode, date: iso(v.date) };
        case 'close':
          await closeVillage(unit.id, { date: iso(v.date), version: unit.version });
          return { code: communeCode, date: iso(v.date) };
      }
    },
    savedText: (done) => {
      const name = form.getFieldValue('name') as string | undefined;
      return t(`units.done.${action}`, {
        name: action === 'add' ? name?.trim() : unit.name,
        date: formatDate(done.date),
      });
    },
    refresh: [UNITS_KEY],
    done: onDone,
    reloadKey: UNITS_KEY,
    onClose,
  });

  const required = { required: true, message: t('validation.required') };
  const dateField = (
    <Form.Item
      name={action === 'add' ? 'validFrom' : 'date'}
      label={t('units.effectiveDate')}
      extra={t('units.effectiveDateHelp')}
      rules={[required]}
    >
      <DateInput allowClear={false} />
    </Form.Item>
  );
  /** The village's name: a new one's (Thêm) or the new name (Đổi tên). */
  const nameField = (label: string, help?: string) => (
    <Form.Item name="name" label={label} extra={help} rules={[{ ...required, whitespace: true }]}>
      <Input autoFocus maxLength={200} autoComplete="off" />
    </Form.Item>
  );
  const kindField = (
    <Form.Item name="kind" label={t('units.kind')} rules={action === 'add' ? [required] : []}>
      <Select options={VILLAGE_KINDS.map((k) => ({ value: k, label: t(`units.villageKinds.${k}`) }))} />
    </Form.Item>
  );

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      {action === 'add' ? (
        <>
          <Alert className="form-alert" type="info" showIcon title={t('units.addVillageInto', { name: unit.name })} />
          {nameField(t('units.villageName'), t('units.villageNameHelp'))}
          {kindField}
          {dateField}
        </>
      ) : null}

      {action === 'rename' ? (
        <>
          {nameField(t('units.newName'))}
          {kindField}
          {dateField}
        </>
      ) : null}

      {action === 'move' ? (
        <>
          <Form.Item
            name="parentCode"
            label={t('units.moveTo')}
            extra={t('units.moveToHelp', { date: formatDate(dateIso) })}
            rules={[required]}
          >
            <UnitSearchSelect asOf={dateIso} levels={[3]} placeholder={t('units.pickCommune')} autoFocus />
          </Form.Item>
          {dateField}
        </>
      ) : null}

      {action === 'merge' ? (
        <>
          <Form.Item name="intoId" label={t('units.mergeInto')} extra={t('units.mergeIntoHelp')} rules={[required]}>
            <Select
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              loading={siblings.isFetching}
              options={mergeOptions}
              placeholder={t('units.pickVillage')}
              notFoundContent={siblings.isFetching ? t('common.loading') : t('units.noOtherVillage')}
            />
          </Form.Item>
          {dateField}
        </>
      ) : null}

      {action === 'close' ? (
        <>
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            title={t('units.closeConfirm', { name: unit.name, date: formatDate(dateIso) })}
            description={t('units.closeExplain')}
          />
          {dateField}
          <Flex justify="end" gap={8} className="form-actions">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger htmlType="submit" loading={saving.isPending}>
              {t('units.close')}
            </Button>
          </Flex>
        </>
      ) : (
        <FormActions onCancel={onClose} submitting={saving.isPending} />
      )}
    </SavingForm>
  );
}
