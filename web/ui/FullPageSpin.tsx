import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner while the session or a page loads. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }} role="status" aria-live="polite">
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}
