import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** The form's measures: the target (value and unit), the weight in the programme's progress, and the priority. */
export function TaskMeasureFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <Form.Item name="targetValue" label={t('work.task.targetValue')}>
          <InputNumber min={0} max={1e12} style={{ width: '100%' }} decimalSeparator="," />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="targetUnit" label={t('work.task.targetUnit')}>
          <Input maxLength={50} placeholder={t('work.taskForm.targetUnitPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="weight" label={t('work.task.weight')} rules={[required]} extra={t('work.taskForm.weightHint')}>
          <InputNumber min={0.1} max={1000} step={1} style={{ width: '100%' }} decimalSeparator="," />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="priority" label={t('work.task.priority')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'high', label: t('work.priority.high') },
              { value: 'normal', label: t('work.priority.normal') },
              { value: 'low', label: t('work.priority.low') },
            ]}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
