import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from './reporting.api.ts';

const COLOR: Record<SubmissionStatus | 'none', string> = {
  none: 'default',
  draft: 'blue',
  submitted: 'gold',
  approved: 'green',
  returned: 'red',
};

/** A report's state: Chưa nhập (no submission yet), Nháp, Đã nộp, Đã duyệt, Bị trả lại. */
export function StatusTag({ status }: { status: SubmissionStatus | null }) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  return <Tag color={COLOR[key]}>{t(`reporting.status.${key}`)}</Tag>;
}

/** A date in a list, red and marked "quá hạn" when late. */
export function LateDate({ text, late }: { text: string; late: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={late ? 'report-late' : undefined}>
      {text}
      {late ? ` · ${t('reporting.late')}` : ''}
    </span>
  );
}

/** A report's state in a list: its tag, what else the list says of it, and the reason it was returned. */
export function StatusCell({
  status,
  returnReason,
  children,
}: {
  status: SubmissionStatus | null;
  returnReason: string | null | undefined;
  children?: ReactNode;
}) {
  return (
    <div>
      <StatusTag status={status} />
      {children}
      {status === 'returned' && returnReason ? <div className="report-reason">{returnReason}</div> : null}
    </div>
  );
}
