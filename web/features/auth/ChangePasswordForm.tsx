import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { showFormError } from '../../ui/errors.ts';
import { changePassword } from './auth.api.ts';
import { adoptSession } from './session.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Current password, new password and its confirmation; on success the session is renewed and the app opens. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: changePassword,
    onMutate: () => setFormError(null),
    onSuccess: async (session) => {
      // The server rotated the session: adopt its new CSRF token before anything else is sent.
      await adoptSession(queryClient, session);
      form.resetFields();
      void message.success(t('auth.password.done'));
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      // A wrong current password belongs beside that field, whether or not the server names it.
      if (isApiError(error) && error.code === 'WRONG_PASSWORD' && !error.field) {
        form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
        setFormError(null);
        return;
      }
      setFormError(showFormError(form, error, FIELDS, t));
    },
  });

  const required = { required: true, message: t('validation.required') };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => mutation.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
      aria-label={t('auth.password.title')}
      className="narrow-form"
    >
      {formError ? <Alert className="form-alert" type="error" showIcon title={formError} /> : null}
      <Form.Item name="currentPassword" label={t('auth.password.current')} rules={[required]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.password.new')}
        extra={t('fields.passwordHelp')}
        dependencies={['currentPassword']}
        rules={[
          required,
          { min: 8, message: t('validation.passwordMin') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value !== getFieldValue('currentPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.passwordSame'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
