import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { ExportButton, exportUrl } from '../../ui/ExportButton.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { inForceOn } from '../bodies/validity.ts';
import { listMyAssignments, MY_ROLES_KEY } from '../roles/roles.api.ts';
import type { PivotQuery } from './reporting.api.ts';

/** The dashboard's exports: the pivot shown, as Excel; and the unit's period as a Word review report (sơ kết / tổng
 * kết) issued by a body of the unit, chosen in a small dialog (the caller's own body there first). */
export function ExportButtons({ query }: { query: PivotQuery }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const disabled = !query.indicators;
  return (
    <div className="dashboard-exports" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {disabled ? null : <ExportButton href={exportUrl('/api/reporting/pivot.xlsx', { ...query })} />}
      {/* a review report is issued by a body of one unit: none for the whole country */}
      <Button icon={<FileWordOutlined aria-hidden />} onClick={() => setOpen(true)} disabled={!query.unit}>
        {t('reporting.export.review')}
      </Button>
      {open && query.unit ? (
        <ReviewDialog unit={query.unit} period={query.period} onClose={() => setOpen(false)} />
      ) : null}
    </div>
  );
}

function ReviewDialog({ unit, period, onClose }: { unit: string; period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const today = todayInVietnam().format('YYYY-MM-DD');
  const mine = useQuery({ queryKey: MY_ROLES_KEY, queryFn: listMyAssignments, staleTime: 300_000 });
  // The caller's body on this unit (a role narrowed to it) is the issuer unless another is chosen.
  const own = mine.data?.find(
    (a) => a.bodyId && a.bodyName && a.unitCode === unit && inForceOn(a.validFrom, a.validTo, today),
  );
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const body = chosen === undefined ? (own?.bodyId ?? null) : chosen;
  const href = body ? exportUrl('/api/reporting/review.docx', { unit, period, body }) : undefined;
  return (
    <Modal
      open
      title={t('reporting.export.reviewTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="download"
          type="primary"
          icon={<FileWordOutlined aria-hidden />}
          href={href}
          download
          disabled={!href}
          onClick={onClose}
        >
          {t('reporting.export.download')}
        </Button>,
      ]}
    >
      <Form layout="vertical">
        <Form.Item label={t('reporting.export.body')} htmlFor="review-body" extra={t('reporting.export.bodyHelp')}>
          <BodySelect
            id="review-body"
            asOf={today}
            unit={unit}
            value={body}
            initial={own ? { id: own.bodyId!, name: own.bodyName! } : null}
            onChange={setChosen}
            placeholder={t('reporting.export.pickBody')}
            aria-label={t('reporting.export.body')}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('reporting.export.reviewHelp')}</Typography.Paragraph>
    </Modal>
  );
}
