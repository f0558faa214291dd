import { HomeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Image,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate, todayInVietnam } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import {
  addConsent,
  CLEARANCE_KEY,
  CONSENT_STATUSES,
  createHousehold,
  getHousehold,
  householdKey,
  type ConsentStatus,
} from './clearance.api.ts';
import { ConsentTag } from './ProjectPage.tsx';

const statusOptions = (t: (k: string) => string) =>
  CONSENT_STATUSES.map((s) => ({ value: s, label: t(`clearance.status.${s}`) }));

/** A household: its register entry, its consent over time (newest first), its visits, and a change of consent. */
export function HouseholdDrawer({
  id,
  canVisit,
  onClose,
  onVisit,
}: {
  id: string | null;
  canVisit: boolean;
  onClose: () => void;
  onVisit: (householdId: string) => void;
}) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const detail = useQuery({
    queryKey: householdKey(id ?? ''),
    queryFn: ({ signal }) => getHousehold(id!, signal),
    enabled: id !== null,
  });
  const h = detail.data?.household;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={wide ? 520 : '100%'}
      title={h ? (h.headName ?? t('clearance.householdN', { n: h.number })) : t('clearance.household')}
      destroyOnHidden
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError ? (
        <Typography.Text type="danger">{errorText(detail.error, t)}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'number', label: t('clearance.number'), children: detail.data.household.number },
              {
                key: 'status',
                label: t('clearance.consent'),
                children: <ConsentTag status={detail.data.household.status} />,
              },
              ...(detail.data.household.identityShown
                ? [
                    { key: 'address', label: t('clearance.address'), children: detail.data.household.address ?? '—' },
                    {
                      key: 'area',
                      label: t('clearance.landArea'),
                      children: detail.data.household.landArea === null ? '—' : `${detail.data.household.landArea} m²`,
                    },
                  ]
                : [{ key: 'hidden', label: t('clearance.identity'), children: t('clearance.identityHidden') }]),
              { key: 'unit', label: t('clearance.unit'), children: detail.data.household.unitName ?? '—' },
            ]}
          />
          {canVisit ? (
            <>
              <Button
                type="primary"
                icon={<HomeOutlined aria-hidden />}
                onClick={() => onVisit(detail.data.household.id)}
              >
                {t('clearance.logVisit')}
              </Button>
              <ConsentForm householdId={detail.data.household.id} />
            </>
          ) : null}
          <div>
            <Typography.Title level={3} className="clearance-h3">
              {t('clearance.history')}
            </Typography.Title>
            <Timeline
              items={detail.data.history.map((c) => ({
                key: c.id,
                color: c.status === 'not_agreed' ? 'red' : c.status === 'mobilising' ? 'gray' : 'green',
                content: (
                  <div>
                    <strong>{formatDate(c.onDate)}</strong> <ConsentTag status={c.status} />
                    {c.note ? <div className="clearance-pre">{c.note}</div> : null}
                    {c.recordedBy ? <div className="muted">{c.recordedBy}</div> : null}
                  </div>
                ),
              }))}
            />
          </div>
          <div>
            <Typography.Title level={3} className="clearance-h3">
              {t('clearance.visitsOf', { count: detail.data.visits.length })}
            </Typography.Title>
            <ul className="clearance-visits">
              {detail.data.visits.map((v) => (
                <li key={v.id}>
                  <strong>{formatDate(v.visitedOn)}</strong>
                  {v.members.length ? (
                    <span className="muted"> · {v.members.map((m) => m.name).join(', ')}</span>
                  ) : null}
                  <div className="clearance-pre">{v.outcome}</div>
                  {v.photoUrl ? (
                    <Image
                      src={v.photoUrl}
                      width={120}
                      alt={t('clearance.visitPhoto', { date: formatDate(v.visitedOn) })}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </Flex>
      )}
    </Drawer>
  );
}

type ConsentValues = { status?: ConsentStatus; onDate: Dayjs; note?: string };

function ConsentForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ConsentValues>();
  const errors = useFormErrors(form, ['status', 'onDate', 'note']);
  const onReload = () => void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
  const mutation = useMutation({
    mutationFn: (v: ConsentValues) =>
      addConsent(householdId, {
        status: v.status!,
        onDate: v.onDate.format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      }),
    onMutate: errors.reset,
    onSuccess: (d) => {
      queryClient.setQueryData(householdKey(householdId), d);
      void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
      form.resetFields();
      void message.success(t('clearance.consentSaved'));
    },
    onError: errors.onError,
  });
  return (
    <Form<ConsentValues>
      form={form}
      layout="vertical"
      initialValues={{ onDate: todayInVietnam() }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('clearance.changeConsent')}
      className="clearance-consent-form"
    >
      <Typography.Title level={3} className="clearance-h3">
        {t('clearance.changeConsent')}
      </Typography.Title>
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onReload} />
      <Flex gap={8} wrap>
        <Form.Item
          name="status"
          rules={[{ required: true, message: t('validation.required') }]}
          className="clearance-grow"
        >
          <Select
            options={statusOptions(t)}
            placeholder={t('clearance.newStatus')}
            aria-label={t('clearance.newStatus')}
          />
        </Form.Item>
        <Form.Item
          name="onDate"
          rules={[{ required: true, message: t('validation.required') }]}
          className="clearance-date"
        >
          <DatePicker
            format={DATE_FORMAT}
            allowClear={false}
            aria-label={t('clearance.onDate')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note">
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          placeholder={t('clearance.note')}
          aria-label={t('clearance.note')}
        />
      </Form.Item>
      <FormActions submitting={mutation.isPending} />
    </Form>
  );
}

type HouseholdValues = {
  headName: string;
  address?: string;
  landArea?: number | null;
  status: ConsentStatus;
  statusOn: Dayjs;
  note?: string;
};

/** Thêm hộ: the head of household, address, unit, land area, and the consent now. */
export function HouseholdFormModal({
  projectId,
  open,
  onClose,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Modal
      open={open}
      title={t('clearance.addHousehold')}
      onCancel={onClose}
      footer={null}
      width={wide ? 620 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {open ? <HouseholdForm projectId={projectId} onClose={onClose} /> : null}
    </Modal>
  );
}

function HouseholdForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<HouseholdValues>();
  const errors = useFormErrors(form, ['headName', 'address', 'landArea', 'status', 'statusOn', 'note', 'unitId']);
  const onReload = () => void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
  const [unit, setUnit] = useState<{ id: string; code: string } | null>(null);
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const mutation = useMutation({
    mutationFn: (v: HouseholdValues) =>
      createHousehold(projectId, {
        headName: v.headName.trim(),
        address: v.address?.trim() || null,
        unitId: unit?.id ?? null,
        landArea: v.landArea ?? null,
        note: v.note?.trim() || null,
        status: v.status,
        statusOn: v.statusOn.format('YYYY-MM-DD'),
      }),
    onMutate: errors.reset,
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
      void message.success(t('clearance.householdAdded', { n: d.household.number }));
      onClose();
    },
    onError: errors.onError,
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <Form<HouseholdValues>
      form={form}
      layout="vertical"
      initialValues={{ status: 'not_agreed', statusOn: todayInVietnam() }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('clearance.addHousehold')}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onReload} />
      <Form.Item name="headName" label={t('clearance.head')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="address" label={t('clearance.address')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label={t('clearance.unit')} extra={t('clearance.unitHelp')}>
        <UnitSearchSelect
          asOf={asOf}
          value={unit?.code ?? null}
          onChange={(code, hit) => setUnit(code && hit ? { id: hit.id, code } : null)}
          aria-label={t('clearance.unit')}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="landArea" label={t('clearance.landArea')} className="clearance-code">
          <InputNumber min={0} suffix="m²" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('clearance.consent')} rules={[required]} className="clearance-grow">
          <Select options={statusOptions(t)} />
        </Form.Item>
        <Form.Item name="statusOn" label={t('clearance.onDate')} rules={[required]} className="clearance-date">
          <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('clearance.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
