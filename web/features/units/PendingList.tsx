import { LinkOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Radio, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { errorText, showFormError } from '../../ui/errors.ts';
import { UnitSearchSelect } from './UnitSearchSelect.tsx';
import {
  detailKey,
  getUnit,
  lastDay,
  linkPending,
  listPending,
  PENDING_KEY,
  UNITS_KEY,
  type PendingItem,
  type UnitItem,
} from './units.api.ts';

type Props = {
  /** Opens a unit as of a date. */
  onOpen: (code: string, date: string) => void;
  /** Opens the Move dialog for a village waiting to be placed, dated the day it has to move. */
  onPlace: (village: UnitItem, date: string) => void;
};

/** "Cần xử lý": units that ended without a known successor and villages left without a commune. */
export function PendingList({ onOpen, onPlace }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: PENDING_KEY, queryFn: listPending });
  const [linking, setLinking] = useState<PendingItem | null>(null);
  const [placing, setPlacing] = useState<string | null>(null);

  const place = async (p: PendingItem) => {
    if (!p.code) return;
    setPlacing(p.id);
    try {
      // The village no longer sits in the tree on the day it must move; read it as it stood the day before.
      const asOf = lastDay(p.date);
      const detail = await queryClient.fetchQuery({
        queryKey: detailKey(asOf, p.code),
        queryFn: () => getUnit(p.code!, asOf),
      });
      onPlace(detail.unit, p.date);
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setPlacing(null);
    }
  };

  const columns: TableColumnsType<PendingItem> = [
    {
      title: t('units.pending.date'),
      dataIndex: 'date',
      key: 'date',
      width: 110,
      render: (d: string) => formatDate(d),
    },
    {
      title: t('units.pending.unit'),
      key: 'unit',
      render: (_v, p) => (
        <div>
          {p.code ? (
            <a
              href={`?ngay=${lastDay(p.date)}&ma=${encodeURIComponent(p.code)}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen(p.code!, lastDay(p.date));
              }}
            >
              {p.name}
            </a>
          ) : (
            p.name
          )}{' '}
          {p.code ? <span className="unit-code">{p.code}</span> : null}
          {p.parentName ? <div className="muted">{p.parentName}</div> : null}
        </div>
      ),
    },
    {
      title: t('units.pending.reason'),
      dataIndex: 'reason',
      key: 'reason',
      width: 260,
      render: (r: PendingItem['reason']) => (
        <Tag color={r === 'unlinked_ending' ? 'volcano' : 'gold'}>{t(`units.pending.reasons.${r}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_v, p) =>
        p.reason === 'unlinked_ending' ? (
          <Button size="small" icon={<LinkOutlined aria-hidden />} onClick={() => setLinking(p)}>
            {t('units.pending.link')}
          </Button>
        ) : (
          <Button
            size="small"
            icon={<SwapOutlined aria-hidden />}
            loading={placing === p.id}
            onClick={() => void place(p)}
          >
            {t('units.pending.place')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Table<PendingItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pending.data ?? []}
        loading={pending.isFetching}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: pending.isError ? errorText(pending.error, t) : t('units.pending.empty') }}
        aria-label={t('units.pending.title')}
      />
      <Modal
        open={linking !== null}
        title={linking ? t('units.pending.linkTitle', { name: linking.name }) : ''}
        onCancel={() => setLinking(null)}
        footer={null}
        width={560}
        destroyOnHidden
      >
        {linking ? <LinkForm item={linking} onClose={() => setLinking(null)} /> : null}
      </Modal>
    </>
  );
}

type LinkValues = { toCode: string; type: 'full' | 'partial' };

function LinkForm({ item, onClose }: { item: PendingItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LinkValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (v: LinkValues) => linkPending(item.id, v),
    onMutate: () => setFormError(null),
    onSuccess: () => {
      void message.success(t('units.pending.linked', { name: item.name }));
      void queryClient.invalidateQueries({ queryKey: UNITS_KEY });
      onClose();
    },
    onError: (error) => setFormError(showFormError(form, error, ['toCode', 'type'], t)),
  });

  return (
    <Form<LinkValues>
      form={form}
      layout="vertical"
      initialValues={{ type: 'full' }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('units.pending.linkTitle', { name: item.name })}
    >
      <Alert
        className="form-alert"
        type="info"
        showIcon
        title={t('units.pending.linkExplain', { name: item.name, date: formatDate(lastDay(item.date)) })}
      />
      {formError ? <Alert className="form-alert" type="error" showIcon title={formError} /> : null}
      <Form.Item
        name="toCode"
        label={t('units.pending.successor')}
        extra={t('units.pending.successorHelp', { date: formatDate(item.date) })}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <UnitSearchSelect asOf={item.date} levels={[item.level]} excludeId={item.unitId} autoFocus />
      </Form.Item>
      <Form.Item name="type" label={t('units.pending.linkType')}>
        <Radio.Group
          options={[
            { value: 'full', label: t('units.linkType.full') },
            { value: 'partial', label: t('units.linkType.partial') },
          ]}
        />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
