import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Flex,
  Form,
  Modal,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { errorText } from '../../ui/errors.ts';
import { importVillages, UNITS_KEY, type ImportResult, type ImportRow } from './units.api.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx';

const STATUS_COLOR: Record<ImportRow['status'], string> = {
  added: 'green',
  changed: 'blue',
  unchanged: 'default',
  refused: 'red',
};

type Props = { open: boolean; onClose: () => void };

/** Nhập từ Excel/CSV: upload a file of villages, then read the per-row report. */
export function ImportVillagesModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('units.import.title')} onCancel={onClose} footer={null} width={820} destroyOnHidden>
      <ImportForm onClose={onClose} />
    </Modal>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);

  const mutation = useMutation({
    mutationFn: (f: File) => importVillages(f),
    onMutate: () => setFileError(null),
    onSuccess: (result) => {
      setReport(result);
      void queryClient.invalidateQueries({ queryKey: UNITS_KEY });
    },
    onError: (error) => {
      // Problems with the file itself (type, size, columns) go beside the upload; anything else too, there is no other field.
      const issue = isApiError(error) ? error.issues.find((i) => i.field === 'file') : undefined;
      setFileError(issue?.message ?? errorText(error, t));
    },
  });

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : [];

  const columns: TableColumnsType<ImportRow> = [
    { title: t('units.import.row'), dataIndex: 'row', key: 'row', width: 70, align: 'right' },
    { title: t('units.code'), dataIndex: 'code', key: 'code', width: 110, render: (v: string | null) => v ?? '' },
    { title: t('units.name'), dataIndex: 'name', key: 'name', width: 200, render: (v: string | null) => v ?? '' },
    {
      title: t('units.import.result'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (s: ImportRow['status']) => <Tag color={STATUS_COLOR[s]}>{t(`units.import.status.${s}`)}</Tag>,
    },
    { title: t('units.import.reason'), dataIndex: 'message', key: 'message', render: (v: string | null) => v ?? '' },
  ];

  if (report) {
    return (
      <>
        <Alert
          className="form-alert"
          type={report.refused > 0 ? 'warning' : 'success'}
          showIcon
          title={t('units.import.summary', {
            added: report.added,
            changed: report.changed,
            unchanged: report.unchanged,
            refused: report.refused,
          })}
          description={t('units.import.encoding', { encoding: report.encoding })}
        />
        <Table<ImportRow>
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={report.rows}
          pagination={report.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 640, y: 360 }}
          aria-label={t('units.import.report')}
          summary={() => (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  <Typography.Text strong>{t('common.total', { count: report.rows.length })}</Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
        <Flex justify="end" gap={8} className="form-actions">
          <Button
            onClick={() => {
              setReport(null);
              setFile(null);
            }}
          >
            {t('units.import.another')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Flex>
      </>
    );
  }

  return (
    <Form
      layout="vertical"
      onFinish={() => (file ? mutation.mutate(file) : setFileError(t('units.import.pickFile')))}
      aria-label={t('units.import.title')}
    >
      <Typography.Paragraph>{t('units.import.intro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        className="import-columns"
        items={[
          { key: 'commune', label: t('units.import.colCommune'), children: t('units.import.colCommuneHelp') },
          { key: 'name', label: t('units.import.colName'), children: t('units.import.colNameHelp') },
          { key: 'kind', label: t('units.import.colKind'), children: t('units.import.colKindHelp') },
          { key: 'code', label: t('units.import.colCode'), children: t('units.import.colCodeHelp') },
          { key: 'date', label: t('units.import.colDate'), children: t('units.import.colDateHelp') },
        ]}
      />
      <Typography.Paragraph type="secondary" className="import-note">
        {t('units.import.encodingNote')}
      </Typography.Paragraph>
      <Form.Item
        label={t('units.import.file')}
        required
        validateStatus={fileError ? 'error' : undefined}
        help={fileError ?? undefined}
      >
        <Upload.Dragger
          accept={ACCEPT}
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => {
            const lower = f.name.toLowerCase();
            if (!lower.endsWith('.csv') && !lower.endsWith('.xlsx')) setFileError(t('units.import.wrongType'));
            else if (f.size > MAX_BYTES) setFileError(t('units.import.tooLarge'));
            else {
              setFile(f);
              setFileError(null);
            }
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('units.import.drop')}</p>
          <p className="ant-upload-hint">{t('units.import.hint')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Flex justify="end" gap={8} className="form-actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('units.import.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
