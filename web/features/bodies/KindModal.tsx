import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { createKind, KINDS_KEY } from './bodies.api.ts';

type Values = { code: string; nameVi: string; nameEn: string; shortVi?: string; inBloc: boolean };

/** "Loại tổ chức": adds a kind of body (kinds are data, not code). */
export function KindModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('bodies.kinds.title')} onCancel={onClose} footer={null} width={520} destroyOnHidden>
      <KindForm onClose={onClose} />
    </Modal>
  );
}

function KindForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, ['code', 'nameVi', 'nameEn', 'shortVi', 'inBloc']);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      createKind({
        code: v.code.trim(),
        nameVi: v.nameVi.trim(),
        nameEn: v.nameEn.trim(),
        ...(v.shortVi?.trim() ? { shortVi: v.shortVi.trim() } : {}),
        inBloc: v.inBloc,
      }),
    onMutate: errors.reset,
    onSuccess: (kind) => {
      void message.success(t('bodies.kinds.created', { name: kind.name }));
      void queryClient.invalidateQueries({ queryKey: KINDS_KEY });
      onClose();
    },
    onError: errors.onError,
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ code: '', nameVi: '', nameEn: '', shortVi: '', inBloc: true }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('bodies.kinds.title')}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onClose} />
      <Form.Item
        name="code"
        label={t('bodies.kinds.code')}
        extra={t('bodies.kinds.codeHelp')}
        rules={[required, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('bodies.kinds.codeInvalid') }]}
      >
        <Input autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} />
      </Form.Item>
      <Form.Item name="nameVi" label={t('bodies.kinds.nameVi')} rules={[required]}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('bodies.kinds.nameEn')} rules={[required]}>
        <Input autoComplete="off" maxLength={200} lang="en" />
      </Form.Item>
      <Form.Item name="shortVi" label={t('bodies.kinds.shortVi')}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="inBloc" valuePropName="checked">
        <Checkbox>{t('bodies.kinds.inBloc')}</Checkbox>
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
