import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { SecretField } from '../../ui/SecretField.tsx';
import { showFormError } from '../../ui/errors.ts';
import { createToken, TOKENS_KEY } from './tokens.api.ts';

type Values = { name: string; expiresAt?: Dayjs | null };

type Props = { open: boolean; onClose: () => void };

const FIELDS = ['name', 'expiresAt'] as const;

/** Creates a personal API token, then shows its secret once. */
export function CreateTokenModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: createToken,
    onMutate: () => setFormError(null),
    onSuccess: (result) => {
      form.resetFields(); // while the form is still mounted: the secret view replaces it
      setSecret(result.secret);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) => setFormError(showFormError(form, error, FIELDS, t)),
  });

  const close = () => {
    if (!secret) form.resetFields();
    setSecret(null);
    setFormError(null);
    mutation.reset();
    onClose();
  };

  const submit = (values: Values) => {
    const body: { name: string; expiresAt?: string } = { name: values.name.trim() };
    if (values.expiresAt) body.expiresAt = values.expiresAt.format('YYYY-MM-DD');
    mutation.mutate(body);
  };

  const today = todayInVietnam();

  return (
    <Modal
      open={open}
      title={secret ? t('tokens.createdTitle') : t('tokens.createTitle')}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: !secret }}
      footer={
        secret ? (
          <Button type="primary" onClick={close}>
            {t('tokens.done')}
          </Button>
        ) : null
      }
    >
      {secret ? (
        <SecretField label={t('tokens.secret')} value={secret} warning={t('tokens.secretWarning')} />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label={t('tokens.createTitle')}>
          {formError ? <Alert className="form-alert" type="error" showIcon title={formError} /> : null}
          <Form.Item
            name="name"
            label={t('tokens.name')}
            extra={t('tokens.nameHelp')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('tokens.expiresAt')} extra={t('tokens.expiresHelp')}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('common.datePlaceholder')}
              disabledDate={(d) => !d.isAfter(today, 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <FormActions onCancel={close} submitting={mutation.isPending} />
        </Form>
      )}
    </Modal>
  );
}
