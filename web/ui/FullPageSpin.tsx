import { useTranslation } from 'react-i18next';
import './FullPageSpin.css';

/** A centred spinner while the session or a page loads. Drawn like antd's large Spin, without antd: it shows while
 * antd itself is being fetched. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="page-spin" role="status" aria-live="polite" aria-busy="true">
      <span className="page-spin-dots" aria-hidden="true">
        <i />
        <i />
        <i />
        <i />
      </span>
      <span className="page-spin-text">{t('common.loading')}</span>
    </div>
  );
}
