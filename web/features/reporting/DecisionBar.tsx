import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { TIME_ZONE } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import type { Decision, Submission } from './reporting.api.ts';
import type { Draft } from './useEntryDraft.ts';

type Props = {
  s: Submission;
  /** The draft of an editable report (null when it is read only). */
  draft: Draft | null;
  busy: Decision | null;
  onDecide: (decision: Decision, reason?: string) => void;
};

/** "Đã lưu lúc 09:41", or saving, or not yet saved. */
function SavedState({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  let text: string;
  let type: 'secondary' | 'danger' | undefined = 'secondary';
  if (draft.saving) text = t('reporting.entry.saving');
  else if (draft.error) {
    text = `${t('reporting.entry.saveFailed')} ${errorText(draft.error, t)}`;
    type = 'danger';
  } else if (draft.dirty) text = t('reporting.entry.unsaved');
  else if (draft.savedAt)
    text = t('reporting.entry.savedAt', { time: dayjs(draft.savedAt).tz(TIME_ZONE).format('HH:mm') });
  else text = '';
  return (
    <Typography.Text type={type} role="status" className="entry-saved">
      {text}
    </Typography.Text>
  );
}

/** The report's buttons: save and submit for its reporter; approve, return (with a reason) and reopen for its
 * reviewer. */
export function DecisionBar({ s, draft, busy, onDecide }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const blocking = s.checks.some((c) => c.severity === 'blocking');
  return (
    <Flex className="entry-actions" gap={8} wrap align="center">
      {draft ? (
        <>
          <Button
            icon={<SaveOutlined aria-hidden />}
            loading={draft.saving}
            onClick={() => void draft.save().catch(() => undefined)}
            title={t('reporting.entry.saveHint')}
          >
            {t('reporting.entry.save')}
          </Button>
          {s.can.submit ? (
            <Button
              type="primary"
              icon={<SendOutlined aria-hidden />}
              loading={busy === 'submit'}
              disabled={draft.invalid.size > 0 || blocking}
              onClick={() => onDecide('submit')}
            >
              {t('reporting.entry.submit')}
            </Button>
          ) : null}
          <SavedState draft={draft} />
        </>
      ) : null}
      {s.can.approve ? (
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          loading={busy === 'approve'}
          onClick={() => onDecide('approve')}
        >
          {t('reporting.review.approve')}
        </Button>
      ) : null}
      {s.can.return ? (
        <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setAsking('return')}>
          {t('reporting.review.return')}
        </Button>
      ) : null}
      {s.can.reopen ? (
        <Button icon={<UnlockOutlined aria-hidden />} onClick={() => setAsking('reopen')}>
          {t('reporting.review.reopen')}
        </Button>
      ) : null}
      <Modal
        open={asking !== null}
        title={asking === 'reopen' ? t('reporting.review.reopenTitle') : t('reporting.review.returnTitle')}
        okText={asking === 'reopen' ? t('reporting.review.reopen') : t('reporting.review.return')}
        okButtonProps={{ danger: asking === 'return', loading: busy === asking }}
        cancelText={t('common.cancel')}
        onCancel={() => setAsking(null)}
        onOk={() =>
          void form.validateFields().then(({ reason }) => {
            if (asking) onDecide(asking, reason.trim());
            setAsking(null);
            form.resetFields();
          })
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item
            name="reason"
            label={t('reporting.review.reason')}
            rules={[{ required: true, whitespace: true, message: t('reporting.review.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
