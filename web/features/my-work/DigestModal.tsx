import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Input, Modal, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/errors.ts';
import { digestKey, getDigest } from './myWork.api.ts';

type Props = { open: boolean; onClose: () => void };

const DAYS = 7;

/** Copies with the Clipboard API; false where it is missing or refused (plain http, an old phone browser). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Sao chép tin nhắn Zalo": the digest of what is due within 7 days, copied to the clipboard as soon as it is here,
 * and always shown in a text box too, so it can be selected and copied by hand where the clipboard is refused.
 */
export function DigestModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const digest = useQuery({
    queryKey: digestKey(DAYS),
    queryFn: ({ signal }) => getDigest(DAYS, signal),
    enabled: open,
    staleTime: 60_000,
    retry: false,
  });
  const [copied, setCopied] = useState<boolean | null>(null);
  const box = useRef<HTMLTextAreaElement | null>(null);
  const text = digest.data?.text ?? '';

  // Copy once per opening, when the text arrives.
  useEffect(() => {
    if (!open) {
      setCopied(null);
      return;
    }
    if (!text || copied !== null) return;
    let live = true;
    void copyText(text).then((ok) => {
      if (live) setCopied(ok);
    });
    return () => {
      live = false;
    };
  }, [open, text, copied]);

  const copyAgain = async () => {
    const ok = await copyText(text);
    setCopied(ok);
    if (!ok) box.current?.select();
  };

  return (
    <Modal open={open} onCancel={onClose} title={t('myWork.digest.title')} footer={null} width={560} destroyOnHidden>
      {digest.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : digest.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(digest.error, t)} />
      ) : (
        <Flex vertical gap={12}>
          {copied === true ? <Alert type="success" showIcon title={t('myWork.digest.copied')} /> : null}
          {copied === false ? <Alert type="warning" showIcon title={t('myWork.digest.copyFailed')} /> : null}
          <Input.TextArea
            ref={(el) => {
              box.current = el?.resizableTextArea?.textArea ?? null;
            }}
            value={text}
            readOnly
            autoSize={{ minRows: 6, maxRows: 16 }}
            aria-label={t('myWork.digest.textLabel')}
            onFocus={(e) => e.target.select()}
            className="mywork-digest-text"
          />
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('common.close')}</Button>
            <Button type="primary" icon={<CopyOutlined aria-hidden />} onClick={() => void copyAgain()}>
              {t('common.copy')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
