import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The address of a list's Excel export with the page's filters (empty ones left out). */
export function exportUrl(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== null && v !== undefined && v !== '' && v !== false) params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** "Xuất Excel": downloads what the list shows, every row, with its filters. */
export function ExportButton({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<FileExcelOutlined aria-hidden />} href={href} download>
      {t('common.exportExcel')}
    </Button>
  );
}
