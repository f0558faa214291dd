import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Flex, Form, Grid, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import type { FormFields, Item, Ok } from '../../lib/contract.ts';
import { formatNumber } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { formPeriodsKey, formsKey, listFormPeriods, listForms, REPORTING_KEY } from './reporting.api.ts';

type ImportResult = Ok<'/api/reporting/import', 'post'>;
type RowError = Item<ImportResult['errors']>;

function importReports(input: FormFields<'/api/reporting/import', 'post'> & { file: File }): Promise<ImportResult> {
  const form = new FormData();
  form.append('formId', input.formId);
  form.append('periodId', input.periodId);
  if (input.submit) form.append('submit', input.submit);
  form.append('file', input.file);
  return api('/api/reporting/import', { method: 'POST', form });
}

const templateUrl = (formId: string, periodId: string | null) =>
  `/api/reporting/forms/${encodeURIComponent(formId)}/template.xlsx${periodId ? `?period=${encodeURIComponent(periodId)}` : ''}`;

/** "Nhập từ Excel": choose the form and period, download the sheet to fill, upload it; the rows' problems are listed
 * (nothing is imported then), or the reports opened and updated are counted. A drawer beside the list (at the foot
 * of the screen on a phone). */
export function ImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('reporting.import.title')}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 720 : '92%'}
      destroyOnHidden
    >
      {open ? <ImportForm /> : null}
    </Drawer>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formId, setFormId] = useState<string | null>(null);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [submit, setSubmit] = useState(false);
  const forms = useQuery({ queryKey: formsKey, queryFn: ({ signal }) => listForms(signal), staleTime: 60_000 });
  const periods = useQuery({
    queryKey: formPeriodsKey(formId ?? ''),
    queryFn: ({ signal }) => listFormPeriods(formId!, signal),
    enabled: formId !== null,
  });
  const run = useMutation({
    mutationFn: () =>
      importReports({ formId: formId!, periodId: periodId!, submit: submit ? 'true' : undefined, file: file! }),
    onSuccess: (r) => {
      if (r.imported) void queryClient.invalidateQueries({ queryKey: REPORTING_KEY });
    },
  });
  const result = run.data;

  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reporting.import.intro')}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => run.mutate()} disabled={run.isPending}>
        <Form.Item label={t('reporting.import.form')} htmlFor="report-import-form" required>
          <Select
            id="report-import-form"
            value={formId}
            onChange={(v: string) => {
              setFormId(v);
              setPeriodId(null);
              run.reset();
            }}
            loading={forms.isPending}
            showSearch
            optionFilterProp="label"
            placeholder={t('reporting.import.formPlaceholder')}
            options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} – ${f.name}` }))}
          />
        </Form.Item>
        <Form.Item label={t('reporting.import.period')} htmlFor="report-import-period" required>
          <Select
            id="report-import-period"
            value={periodId}
            onChange={(v: string) => {
              setPeriodId(v);
              run.reset();
            }}
            disabled={formId === null}
            loading={formId !== null && periods.isPending}
            options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.label }))}
          />
        </Form.Item>
        <Form.Item extra={t('reporting.import.templateHint')}>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={formId ? templateUrl(formId, periodId) : undefined}
            disabled={formId === null}
            download
          >
            {t('reporting.import.template')}
          </Button>
        </Form.Item>
        <Form.Item label={t('reporting.import.file')} required>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              run.reset();
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('reporting.import.choose')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)}>
            {t('reporting.import.submit')}
          </Checkbox>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={run.isPending}
          disabled={!formId || !periodId || !file}
          icon={<UploadOutlined aria-hidden />}
        >
          {t('reporting.import.run')}
        </Button>
      </Form>
      {run.error ? <Alert type="error" showIcon message={errorText(run.error, t)} /> : null}
      {result ? <ImportOutcome result={result} /> : null}
    </Flex>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const cards = Grid.useBreakpoint().md !== true;
  const n = (v: number) => formatNumber(v);
  if (result.imported)
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        message={t('reporting.import.done', {
          values: n(result.values),
          created: n(result.created),
          updated: n(result.updated),
        })}
        description={
          result.submitted || result.notSubmitted.length ? (
            <>
              {result.submitted ? <div>{t('reporting.import.submitted', { count: result.submitted })}</div> : null}
              {result.notSubmitted.length ? (
                <>
                  <div>{t('reporting.import.notSubmitted')}</div>
                  <ul className="report-import-kept">
                    {result.notSubmitted.map((x) => (
                      <li key={`${x.unit}|${x.body ?? ''}`}>
                        {x.body ?? x.unit}: {x.messages.join(' ')}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null
        }
      />
    );
  const columns: ListColumns<RowError> = [
    {
      key: 'row',
      title: t('reporting.import.col.row'),
      width: 70,
      phone: 'title',
      // A card's heading on a phone says what the number is: "Dòng 12".
      render: (_, e) => (cards ? t('reporting.import.rowN', { row: e.row }) : e.row),
    },
    {
      key: 'field',
      title: t('reporting.import.col.field'),
      width: 130,
      render: (_, e) => t(`reporting.import.field.${e.field}`),
    },
    { key: 'message', title: t('reporting.import.col.message'), dataIndex: 'message' },
  ];
  return (
    <Flex vertical gap="small">
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t('reporting.import.failed', { count: result.errorCount })}
        description={
          result.errorCount > result.errors.length
            ? t('reporting.import.more', { count: result.errorCount - result.errors.length })
            : undefined
        }
      />
      <ListTable<RowError>
        label={t('reporting.import.errors')}
        columns={columns}
        rows={result.errors}
        rowKey={(e) => `${e.row}|${e.field}|${e.message}`}
        pagination={result.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        emptyText=""
        cardsOnPhone
        size="small"
      />
    </Flex>
  );
}
