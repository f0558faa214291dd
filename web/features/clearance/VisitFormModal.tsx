import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { shrinkImage } from '../work/upload.ts';
import {
  CLEARANCE_KEY,
  CONSENT_STATUSES,
  createVisit,
  householdsKey,
  listHouseholds,
  setVisitPhoto,
  type ConsentStatus,
} from './clearance.api.ts';

type Props = { projectId: string; householdId: string | null; open: boolean; onClose: () => void };
type Values = { householdId?: string; visitedOn: Dayjs; outcome: string; newStatus?: ConsentStatus | null };

/** "Ghi lần vận động", phone first: which household, when, what came of it, the consent now, a photo. */
export function VisitFormModal({ projectId, householdId, open, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Modal
      open={open}
      title={t('clearance.logVisit')}
      onCancel={onClose}
      footer={null}
      width={wide ? 560 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {open ? <VisitForm projectId={projectId} householdId={householdId} onClose={onClose} /> : null}
    </Modal>
  );
}

function VisitForm({ projectId, householdId, onClose }: Omit<Props, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, ['householdId', 'visitedOn', 'outcome', 'newStatus']);
  const onReload = () => void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
  const [photo, setPhoto] = useState<File | null>(null);
  const photoId = useId();
  const query = { status: null, q: null, page: 1, pageSize: 500 };
  const households = useQuery({
    queryKey: householdsKey(projectId, query),
    queryFn: ({ signal }) => listHouseholds(projectId, query, signal),
  });
  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const visit = await createVisit(projectId, {
        householdId: v.householdId!,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        outcome: v.outcome.trim(),
        ...(v.newStatus ? { newStatus: v.newStatus } : {}),
      });
      // The visit is kept even if the photo fails to go (a weak signal on the doorstep): it can be sent again.
      if (photo) {
        try {
          await setVisitPhoto(visit.id, await shrinkImage(photo));
        } catch {
          void message.warning(t('clearance.photoFailed'));
        }
      }
      return visit;
    },
    onMutate: errors.reset,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
      void message.success(t('clearance.visitSaved'));
      onClose();
    },
    onError: errors.onError,
  });
  const required = { required: true, message: t('validation.required') };
  const initial: Values = {
    householdId: householdId ?? undefined,
    visitedOn: todayInVietnam(),
    outcome: '',
    newStatus: null,
  };
  return (
    <Form<Values>
      aria-label={t('clearance.logVisit')}
      className="clearance-visit-form"
      form={form}
      initialValues={initial}
      layout="vertical"
      onFinish={(v) => mutation.mutate(v)}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onReload} />
      <Form.Item name="householdId" label={t('clearance.household')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={households.isPending}
          options={(households.data?.items ?? []).map((h) => ({
            value: h.id,
            label: `${h.number}. ${h.headName ?? t('clearance.householdN', { n: h.number })}`,
          }))}
          aria-label={t('clearance.household')}
        />
      </Form.Item>
      <Form.Item name="visitedOn" label={t('clearance.visitedOn')} rules={[required]}>
        <DatePicker format={DATE_FORMAT} allowClear={false} inputReadOnly style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('clearance.outcome')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="newStatus" label={t('clearance.newStatusAfter')}>
        <Select
          options={[
            { value: null, label: t('clearance.unchanged') },
            ...CONSENT_STATUSES.map((s) => ({ value: s, label: t(`clearance.status.${s}`) })),
          ]}
        />
      </Form.Item>
      <div className="clearance-photo">
        <input
          id={photoId}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          className="visually-hidden"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
        />
        <label htmlFor={photoId} className="ant-btn ant-btn-default clearance-photo-button">
          <CameraOutlined aria-hidden /> {photo ? t('clearance.photoChange') : t('clearance.photoTake')}
        </label>
        {photo ? <Typography.Text type="secondary">{photo.name}</Typography.Text> : null}
      </div>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
