import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listProjects, projectsKey } from '../clearance/clearance.api.ts';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';

// The fields of what a case is about, shared by the intake form and the edit form so that both ask the same way.

/** The summary (one sentence, for the registers and lists) and the letter's content, both required. */
export function SummaryContentFields() {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name="summary" label={t('petitions.summary')} rules={[required]} extra={t('petitions.summaryHelp')}>
        <Input maxLength={300} showCount />
      </Form.Item>
      <Form.Item name="content" label={t('petitions.content')} rules={[required]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} />
      </Form.Item>
    </>
  );
}

/** Where the matter happened (`addressUnitCode`); `valueLabel`: the name of the unit already chosen. */
export function PlaceUnitField({
  asOf,
  valueLabel,
  extra,
}: {
  asOf: string;
  valueLabel?: string | null;
  extra?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name="addressUnitCode" label={t('petitions.placeUnit')} extra={extra}>
      <UnitSearchSelect asOf={asOf} valueLabel={valueLabel} aria-label={t('petitions.placeUnit')} />
    </Form.Item>
  );
}

/** The key project the case is about (`projectId`), among those the account reads; `initial`: the one already
 * named, kept among the options when it is not on the list's first page. */
export function ProjectField({ initial }: { initial?: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const projects = useQuery({
    queryKey: projectsKey({ page: 1, pageSize: 200 }),
    queryFn: ({ signal }) => listProjects({ page: 1, pageSize: 200 }, signal),
    staleTime: 60_000,
  });
  const listed = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const options =
    initial && !listed.some((o) => o.value === initial.id)
      ? [{ value: initial.id, label: initial.name }, ...listed]
      : listed;
  return (
    <Form.Item name="projectId" label={t('petitions.project')} extra={t('petitions.projectHelp')}>
      <Select
        aria-label={t('petitions.project')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={projects.isPending}
        options={options}
      />
    </Form.Item>
  );
}
