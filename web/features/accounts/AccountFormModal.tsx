import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { getPerson } from '../people/people.api.ts';
import { PersonSelect } from '../people/PersonSelect.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import { ACCOUNTS_KEY, createAccount, updateAccount, type Account, type NewAccount } from './accounts.api.ts';

type Values = {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  password: string;
  isAdmin: boolean;
  personId?: string | null;
};

/** `null` creates a new account; an account edits it. */
type Props = { open: boolean; account: Account | null; onClose: () => void };

const FIELDS = ['username', 'displayName', 'email', 'phone', 'password', 'isAdmin', 'personId'] as const;

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Thêm mới / Sửa an account. Editing sends the version it read; a stale version is reported, never overwritten. */
export function AccountFormModal({ open, account, onClose }: Props) {
  const { t } = useTranslation();
  const title = account ? t('accounts.editTitle', { name: account.displayName }) : t('accounts.createTitle');
  // destroyOnHidden: each opening mounts a fresh form with the account's current values.
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <AccountForm account={account} title={title} onClose={onClose} />
    </Modal>
  );
}

function AccountForm({ account, title, onClose }: { account: Account | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const editing = account !== null;
  // The register's person this account belongs to (its name, for the picker).
  const linked = useQuery({
    queryKey: ['people', 'linked', account?.personId],
    queryFn: ({ signal }) => getPerson(account!.personId!, todayInVietnam().format('YYYY-MM-DD'), signal),
    enabled: Boolean(account?.personId),
  });
  const initialValues: Partial<Values> = account
    ? {
        displayName: account.displayName,
        email: account.email ?? '',
        phone: account.phone ?? '',
        isAdmin: account.isAdmin,
        personId: account.personId,
      }
    : { username: '', displayName: '', email: '', phone: '', password: '', isAdmin: false };

  const saving = useFormSave(form, {
    fields: FIELDS,
    submit: async (values: Values) => {
      if (account) {
        return updateAccount(account.id, {
          version: account.version,
          displayName: values.displayName.trim(),
          email: blankToNull(values.email),
          phone: blankToNull(values.phone),
          isAdmin: values.isAdmin,
          personId: values.personId ?? null,
        });
      }
      const body: NewAccount = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        isAdmin: values.isAdmin,
        personId: values.personId ?? null,
      };
      const email = blankToNull(values.email);
      const phone = blankToNull(values.phone);
      if (email) body.email = email;
      if (phone) body.phone = phone;
      return createAccount(body);
    },
    savedText: ({ account: saved }) =>
      editing ? t('accounts.saved', { name: saved.displayName }) : t('accounts.created', { name: saved.displayName }),
    refresh: [ACCOUNTS_KEY],
    done: onClose,
    reloadKey: ACCOUNTS_KEY,
    onClose,
  });

  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      {editing ? null : (
        <Form.Item name="username" label={t('fields.username')} extra={t('fields.usernameHelp')} rules={[required]}>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('fields.displayName')} rules={[required]}>
        <Input autoComplete="off" autoFocus={editing} />
      </Form.Item>
      <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('fields.phone')} extra={t('fields.phoneHelp')}>
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      {editing ? null : (
        <Form.Item
          name="password"
          label={t('accounts.initialPassword')}
          extra={t('accounts.initialPasswordHelp')}
          rules={[required, { min: 8, message: t('validation.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item name="personId" label={t('accounts.person')} extra={t('accounts.personHelp')}>
        <PersonSelect
          initial={linked.data ? { id: linked.data.person.id, name: linked.data.person.fullName } : null}
          aria-label={t('accounts.person')}
        />
      </Form.Item>
      <Form.Item name="isAdmin" valuePropName="checked">
        <Checkbox>{t('accounts.isAdmin')}</Checkbox>
      </Form.Item>
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}
