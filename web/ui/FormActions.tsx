import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { onCancel?: () => void; submitting?: boolean; submitLabel?: string };

/** Hủy / Lưu at the foot of a form; Lưu is the form's submit button, so Enter in any field submits. */
export function FormActions({ onCancel, submitting, submitLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="end" gap={8} className="form-actions">
      {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Flex>
  );
}
