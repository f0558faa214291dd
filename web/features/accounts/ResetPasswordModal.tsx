import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../ui/FormActions.tsx';
import { showFormError } from '../../ui/errors.ts';
import { ACCOUNTS_KEY, resetAccountPassword, type Account } from './accounts.api.ts';

type Values = { password: string };

/** `account` stays set while the modal closes, so its title does not flicker. */
type Props = { open: boolean; account: Account | null; onClose: () => void };

/** Sets a temporary password that the person must change at their next sign-in. */
export function ResetPasswordModal({ open, account, onClose }: Props) {
  const { t } = useTranslation();
  const title = account ? t('accounts.resetTitle', { name: account.displayName }) : '';
  return (
    <Modal open={open && account !== null} title={title} onCancel={onClose} footer={null} destroyOnHidden>
      {account ? <ResetPasswordForm account={account} title={title} onClose={onClose} /> : null}
    </Modal>
  );
}

function ResetPasswordForm({ account, title, onClose }: { account: Account; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (password: string) => resetAccountPassword(account.id, password),
    onMutate: () => setFormError(null),
    onSuccess: ({ account: saved }) => {
      void message.success(t('accounts.passwordReset', { name: saved.displayName }));
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
      onClose();
    },
    onError: (error) => setFormError(showFormError(form, error, ['password'], t)),
  });

  return (
    <>
      <Alert className="form-alert" type="info" showIcon title={t('accounts.resetExplain')} />
      <Form<Values> form={form} layout="vertical" aria-label={title} onFinish={(v) => mutation.mutate(v.password)}>
        {formError ? <Alert className="form-alert" type="error" showIcon title={formError} /> : null}
        <Form.Item
          name="password"
          label={t('accounts.temporaryPassword')}
          extra={t('fields.passwordHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <FormActions onCancel={onClose} submitting={mutation.isPending} />
      </Form>
    </>
  );
}
