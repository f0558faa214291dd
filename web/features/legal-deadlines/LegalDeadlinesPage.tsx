import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CalculatorTab } from './CalculatorTab.tsx';
import { HolidaysTab } from './HolidaysTab.tsx';
import { RulesTab } from './RulesTab.tsx';
import './legalDeadlines.css';

const TABS = ['rules', 'holidays', 'calculator'] as const;
type Tab = (typeof TABS)[number];

/** "Danh mục › Thời hạn pháp lý": the deadline rules as dated versions with their legal basis, the holiday calendar
 * they are counted on, and a calculator. Everyone reads; administrators add versions and keep the calendar. The tab
 * is in the address, so a link opens the calendar of a year directly. */
export function LegalDeadlinesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'rules';
  return (
    <div>
      <PageHeader title={t('legalDeadlines.title')} description={t('legalDeadlines.intro')} />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams((p) => {
            const next = new URLSearchParams(p);
            next.set('tab', key);
            return next;
          })
        }
        items={[
          { key: 'rules', label: t('legalDeadlines.tabs.rules'), children: <RulesTab /> },
          { key: 'holidays', label: t('legalDeadlines.tabs.holidays'), children: <HolidaysTab /> },
          { key: 'calculator', label: t('legalDeadlines.tabs.calculator'), children: <CalculatorTab /> },
        ]}
      />
    </div>
  );
}
