import { CopyOutlined, CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { label: string; value: string; warning: string };

/** A secret shown once: read-only, selectable, with a copy button and a warning that it will not be shown again. */
export function SecretField({ label, value, warning }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (plain http, permissions): the text stays selectable.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={warning} />
      <label htmlFor={id} className="secret-label">
        {label}
      </label>
      <Flex gap={8}>
        <Input id={id} readOnly value={value} className="secret-value" onFocus={(e) => e.target.select()} />
        <Button
          icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />}
          onClick={() => void copy()}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Flex>
    </Flex>
  );
}
