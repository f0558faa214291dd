import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { PersonSelect } from '../people/PersonSelect.tsx';
import type { TaskFormValues } from './taskFormValues.ts';
import type { Cooperator } from './work.api.ts';

type SectionProps = {
  asOf: string;
  /** The task's saved cooperators when editing (their names start the selects), null when adding. */
  existing: readonly Cooperator[] | null;
  leadBodyId: string | null;
  /** The programme's owner body: cooperating bodies are chosen from what its tasks may name. */
  ownerBodyId: string;
};

/** The form's "Đơn vị phối hợp" part: a row per cooperating body, and a button to add one. */
export function TaskCooperators({ asOf, existing, leadBodyId, ownerBodyId }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong className="work-form-subtitle">
        {t('work.task.cooperators')}
      </Typography.Text>
      <Form.List name="cooperators">
        {(rows, { add, remove }) => (
          <div className="work-coop-rows">
            {rows.map((row, i) => (
              <CooperatorFields
                key={row.key}
                name={row.name}
                index={i}
                asOf={asOf}
                onRemove={() => remove(row.name)}
                initial={existing?.[row.name] ?? null}
                leadBodyId={leadBodyId}
                ownerBodyId={ownerBodyId}
              />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ bodyId: null, part: '', personId: null })}
              block
            >
              {t('work.taskForm.addCooperator')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

type CoopProps = {
  name: number;
  index: number;
  asOf: string;
  onRemove: () => void;
  initial: { bodyId: string; bodyName: string; personId: string | null; personName: string | null } | null;
  leadBodyId: string | null;
  /** The programme's owner body: cooperating bodies are chosen from what its tasks may name. */
  ownerBodyId: string;
};

/** One cooperating body: the body, its person for this task and its own part of the work. */
function CooperatorFields({ name, index, asOf, onRemove, initial, leadBodyId, ownerBodyId }: CoopProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TaskFormValues>();
  const bodyId: string | null | undefined = Form.useWatch(['cooperators', name, 'bodyId'], form);
  return (
    <div className="work-coop-row" role="group" aria-label={t('work.taskForm.cooperatorN', { n: index + 1 })}>
      <div className="work-coop-legend">
        <span>{t('work.taskForm.cooperatorN', { n: index + 1 })}</span>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined aria-hidden />}
          onClick={onRemove}
          aria-label={t('work.taskForm.removeCooperator', { n: index + 1 })}
        />
      </div>
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'bodyId']}
            label={t('work.task.cooperatorBody')}
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator: (_r, v: string | null | undefined) =>
                  v && leadBodyId && v === leadBodyId
                    ? Promise.reject(new Error(t('work.taskForm.cooperatorIsLead')))
                    : Promise.resolve(),
              },
            ]}
          >
            <BodySelect
              asOf={asOf}
              namedBy={{ bodyId: ownerBodyId, rule: 'near' }}
              initial={initial ? { id: initial.bodyId, name: initial.bodyName } : null}
              aria-label={t('work.task.cooperatorBody')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'personId']} label={t('work.task.cooperatorPerson')}>
            <PersonSelect
              bodyId={bodyId ?? null}
              initial={initial?.personId ? { id: initial.personId, name: initial.personName ?? '' } : null}
              aria-label={t('work.task.cooperatorPerson')}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[name, 'part']} label={t('work.task.cooperatorPart')} className="work-coop-part">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
