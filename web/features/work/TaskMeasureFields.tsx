import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { indicatorsKey, listIndicators } from '../reporting/reporting.api.ts';

/** The form's measures: the target (value and unit), the reporting indicator the result is taken from, the weight in
 * the programme's progress, and the priority. */
export function TaskMeasureFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  const indicators = useQuery({
    queryKey: indicatorsKey,
    queryFn: ({ signal }) => listIndicators(signal),
    staleTime: 300_000,
  });
  // only numeric indicators can be a task's result (the server refuses the others)
  const options = (indicators.data?.items ?? [])
    .filter((i) => i.valueType !== 'text' && i.valueType !== 'boolean')
    .map((i) => ({ value: i.id, label: `${i.code} — ${i.name}${i.measure ? ` (${i.measure})` : ''}` }));
  const form = Form.useFormInstance<{ targetIndicatorId?: string | null }>();
  const indicatorId: string | null | undefined = Form.useWatch('targetIndicatorId', form);
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
      <Col xs={24} md={16}>
        <Form.Item
          name="targetIndicatorId"
          label={t('work.task.targetIndicator')}
          extra={t('work.taskForm.targetIndicatorHint')}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={indicators.isLoading}
            options={options}
            placeholder={t('work.taskForm.targetIndicatorPlaceholder')}
            aria-label={t('work.task.targetIndicator')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="targetIndicatorPeriod"
          label={t('work.task.targetIndicatorPeriod')}
          extra={t('work.taskForm.targetIndicatorPeriodHint')}
          hidden={!indicatorId}
        >
          <Input maxLength={30} placeholder="2026" />
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
