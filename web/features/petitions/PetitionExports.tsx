import { BookOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../lib/contract.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { ExportButton, exportUrl } from '../../ui/ExportButton.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { REGISTERS, type Register } from './petitions.api.ts';
import { useDefaultBody } from './useDefaultBody.ts';

/** The report's periods offered: the calendar halves and the year (reportQuery: 2026S1, 2026S2, 2026). */
const HALVES = ['S1', 'S2', 'year'] as const;
type Half = (typeof HALVES)[number];

type RegisterQuery = Query<'/api/petition-registers.xlsx'>;
type ReportQuery = Query<'/api/petition-report.xlsx'>;

/** "Sổ và báo cáo" on the petitions' list: opens the dialog of the registers and the six-monthly / yearly report. */
export function PetitionExports() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<BookOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('petitions.exports.button')}
      </Button>
      {open ? <ExportsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** A download as Word, beside ExportButton's Excel. */
function WordButton({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<FileWordOutlined aria-hidden />} href={href} download>
      {t('petitions.exports.word')}
    </Button>
  );
}

/**
 * A receiving body (the account's own first: the body its role is narrowed to, or its unit's Front committee), a
 * year, and the two downloads: the register (sổ tiếp công dân or sổ theo dõi đơn) and the report of a half or the
 * whole year, each as Excel or Word. The rows are those the account reads, the petitioners as it may see them.
 */
function ExportsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const asOf = today.format('YYYY-MM-DD');
  const own = useDefaultBody(asOf);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const bodyId = chosen === undefined ? (own.body?.id ?? null) : chosen;
  const [year, setYear] = useState<number | null>(today.year());
  const [register, setRegister] = useState<Register>('reception');
  const [half, setHalf] = useState<Half>(today.month() < 6 ? 'S1' : 'S2');
  const ready = bodyId !== null && year !== null;
  const registerHref = (format: 'xlsx' | 'docx') => {
    if (!ready) return undefined;
    const q: RegisterQuery = { bodyId, year, register };
    return exportUrl(`/api/petition-registers.${format}`, q);
  };
  const reportHref = (format: 'xlsx' | 'docx') => {
    if (!ready) return undefined;
    const q: ReportQuery = { bodyId, period: half === 'year' ? String(year) : `${year}${half}` };
    return exportUrl(`/api/petition-report.${format}`, q);
  };
  const downloads = (href: (format: 'xlsx' | 'docx') => string | undefined) => {
    const xlsx = href('xlsx');
    const docx = href('docx');
    return xlsx && docx ? (
      <Flex gap={8} wrap className="petition-export-links">
        <ExportButton href={xlsx} />
        <WordButton href={docx} />
      </Flex>
    ) : (
      <Typography.Paragraph type="secondary" className="petition-export-links">
        {t('petitions.exports.choose')}
      </Typography.Paragraph>
    );
  };
  return (
    <Modal
      open
      title={t('petitions.exports.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <Form layout="vertical" aria-label={t('petitions.exports.title')}>
        <Typography.Paragraph type="secondary">{t('petitions.exports.help')}</Typography.Paragraph>
        <Form.Item label={t('petitions.exports.body')} htmlFor="petition-export-body">
          <BodySelect
            id="petition-export-body"
            asOf={asOf}
            value={bodyId}
            initial={own.body}
            onChange={setChosen}
            placeholder={t('petitions.exports.pickBody')}
            aria-label={t('petitions.exports.body')}
          />
        </Form.Item>
        <Form.Item label={t('petitions.exports.year')} htmlFor="petition-export-year">
          <InputNumber
            id="petition-export-year"
            min={1900}
            max={2100}
            precision={0}
            controls={false}
            value={year}
            onChange={(v) => setYear(typeof v === 'number' ? v : null)}
          />
        </Form.Item>
        <fieldset className="petition-export-group">
          <legend>{t('petitions.exports.registers')}</legend>
          <Radio.Group
            aria-label={t('petitions.exports.registerLabel')}
            value={register}
            onChange={(e) => setRegister(e.target.value as Register)}
            options={REGISTERS.map((r) => ({ value: r, label: t(`petitions.register.${r}`) }))}
          />
          {downloads(registerHref)}
        </fieldset>
        <fieldset className="petition-export-group">
          <legend>{t('petitions.exports.report')}</legend>
          <Radio.Group
            aria-label={t('petitions.exports.periodLabel')}
            value={half}
            onChange={(e) => setHalf(e.target.value as Half)}
            options={HALVES.map((h) => ({ value: h, label: t(`petitions.exports.period.${h}`) }))}
          />
          {downloads(reportHref)}
        </fieldset>
      </Form>
    </Modal>
  );
}
