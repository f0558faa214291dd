import { Col, Form, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/DateInput.tsx';

/** The form's dates and recurrence: start, due (not before the start; fixed once assigned) and repeat. */
export function TaskScheduleFields({ dueEditable, yearStart }: { dueEditable: boolean; yearStart: Dayjs }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <Form.Item name="startDate" label={t('work.task.startDate')}>
          <DateInput defaultPickerValue={yearStart} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item
          name="dueDate"
          label={t('work.task.dueDate')}
          dependencies={['startDate']}
          extra={dueEditable ? null : t('work.taskForm.dueNeedsExtension')}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: Dayjs | null | undefined) => {
                const start = getFieldValue('startDate') as Dayjs | null | undefined;
                if (value && start && value.isBefore(start, 'day'))
                  return Promise.reject(new Error(t('work.taskForm.dueBeforeStart')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DateInput disabled={!dueEditable} defaultPickerValue={yearStart} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="recurrence" label={t('work.task.recurrence')}>
          <Select
            options={[
              { value: 'none', label: t('work.recurrence.none') },
              { value: 'monthly', label: t('work.recurrence.monthly') },
              { value: 'quarterly', label: t('work.recurrence.quarterly') },
            ]}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
