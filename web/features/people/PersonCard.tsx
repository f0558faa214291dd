import { DeleteOutlined, EditOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { errorText } from '../../ui/errors.ts';
import { RecordHistorySection } from '../audit/RecordHistory.tsx';
import { useMe } from '../auth/session.ts';
import { PositionTags } from '../bodies/BodyCard.tsx';
import { BODIES_KEY } from '../bodies/bodies.api.ts';
import { inForceOn } from '../bodies/validity.ts';
import { validityColumns } from '../bodies/validityColumns.tsx';
import { deletePosition, getPerson, PEOPLE_KEY, personKey, setPersonDeleted, type Position } from './people.api.ts';
import { PersonFormModal } from './PersonFormModal.tsx';
import { PersonPhoto } from './PersonPhoto.tsx';
import { PositionFormModal, type PositionTarget } from './PositionFormModal.tsx';

type Props = { id: string; asOf: string; canManage: boolean };

/** A person's page: who they are, their personal data when this account may see it, their positions over time and their account. */
export function PersonCard({ id, asOf, canManage }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  // Each view of personal data is logged: read it once per opening rather than on every focus.
  const detail = useQuery({
    queryKey: personKey(id, asOf),
    queryFn: ({ signal }) => getPerson(id, asOf, signal),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  const [editing, setEditing] = useState(false);
  const [positionTarget, setPositionTarget] = useState<PositionTarget | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
    void queryClient.invalidateQueries({ queryKey: BODIES_KEY });
  };
  const toggle = useMutation({
    mutationFn: ({ version, deleted }: { version: number; deleted: boolean }) => setPersonDeleted(id, version, deleted),
    onSuccess: (p) => {
      void message.success(t(p.deleted ? 'people.deletedDone' : 'people.restoredDone', { name: p.fullName }));
      refresh();
    },
    onError: (error) =>
      void message.error(isApiError(error) && error.status === 409 ? t('errors.conflict') : errorText(error, t)),
  });
  const removePosition = useMutation({
    mutationFn: (p: Position) => deletePosition(p.id, p.version),
    onSuccess: (_r, p) => {
      void message.success(t('people.positionDeleted', { title: p.title, body: p.bodyName }));
      refresh();
    },
    onError: (error) =>
      void message.error(isApiError(error) && error.status === 409 ? t('errors.conflict') : errorText(error, t)),
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={notFound ? t('people.notFound') : errorText(detail.error, t)}
      />
    );
  }
  const { person, personal, history, account } = detail.data;
  const canChangePhoto = !person.deleted && (me.isAdmin || account?.id === me.id);

  const confirmDelete = () => {
    modal.confirm({
      title: t(person.deleted ? 'people.restoreConfirm' : 'people.deleteConfirm', { name: person.fullName }),
      content: person.deleted ? null : t('people.deleteExplain'),
      okText: person.deleted ? t('common.restore') : t('common.delete'),
      okButtonProps: { danger: !person.deleted },
      cancelText: t('common.cancel'),
      onOk: () => toggle.mutateAsync({ version: person.version, deleted: !person.deleted }).catch(() => undefined),
    });
  };

  const confirmDeletePosition = (p: Position) => {
    modal.confirm({
      title: t('people.deletePositionConfirm', { title: p.title, body: p.bodyName, name: person.fullName }),
      content: t('people.deletePositionExplain'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => removePosition.mutateAsync(p).catch(() => undefined),
    });
  };

  const isCurrent = (p: Position) => inForceOn(p.validFrom, p.validTo, asOf);

  // On phones each position is a card: the title, then the body, the unit, the dates and the buttons.
  const columns: ListColumns<Position> = [
    {
      title: t('people.title'),
      key: 'title',
      width: 170,
      phone: 'title',
      render: (_v, p) => (
        <Space size={[4, 4]} wrap>
          {isCurrent(p) ? <strong title={t('people.current')}>{p.title}</strong> : <span>{p.title}</span>}
          <PositionTags position={p} />
        </Space>
      ),
    },
    { title: t('people.body'), dataIndex: 'bodyName', key: 'bodyName', width: 200 },
    {
      title: t('bodies.unit'),
      dataIndex: 'unitName',
      key: 'unitName',
      width: 140,
      render: (v: string | null) => v ?? <span className="muted">—</span>,
    },
    ...validityColumns<Position>(t),
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, p) => (
        <Space size={0} wrap className="row-actions">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined aria-hidden />}
            onClick={() => setPositionTarget({ mode: 'edit', personName: person.fullName, position: p })}
          >
            {t('common.edit')}
          </Button>
          {p.validTo === null ? (
            <Button
              type="link"
              size="small"
              icon={<StopOutlined aria-hidden />}
              onClick={() => setPositionTarget({ mode: 'end', personName: person.fullName, position: p })}
            >
              {t('people.endPosition')}
            </Button>
          ) : null}
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            onClick={() => confirmDeletePosition(p)}
          >
            {t('common.delete')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <article className="person-card" aria-labelledby="person-card-title">
      <PersonPhoto
        personId={person.id}
        name={person.fullName}
        photoUrl={person.photoUrl ?? null}
        canChange={canChangePhoto}
      />
      <Typography.Title level={3} id="person-card-title" className="person-card-title">
        {person.fullName}
      </Typography.Title>
      <Space size={[6, 6]} wrap className="body-card-tags">
        {person.gender ? <Tag>{t(`people.genders.${person.gender}`)}</Tag> : null}
        {person.deleted ? <Tag color="red">{t('common.deletedTag')}</Tag> : null}
      </Space>
      {canManage ? (
        <Flex gap={8} wrap className="body-actions">
          {person.deleted ? (
            <Button icon={<RollbackOutlined aria-hidden />} onClick={confirmDelete}>
              {t('common.restore')}
            </Button>
          ) : (
            <>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setPositionTarget({ mode: 'add', personId: person.id, personName: person.fullName })}
              >
                {t('people.addPosition')}
              </Button>
              <Button danger icon={<DeleteOutlined aria-hidden />} onClick={confirmDelete}>
                {t('common.delete')}
              </Button>
            </>
          )}
        </Flex>
      ) : null}

      <section className="body-section" aria-labelledby="person-personal">
        <Typography.Title level={4} id="person-personal" className="body-section-title">
          {t('people.personal')}
        </Typography.Title>
        {personal ? (
          <>
            <Typography.Paragraph type="secondary" className="person-personal-note">
              {t('people.personalLogged')}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'birthDate',
                  label: t('people.birthDate'),
                  children: personal.birthDate ? formatDate(personal.birthDate) : '—',
                },
                { key: 'phone', label: t('fields.phone'), children: personal.phone ?? '—' },
                { key: 'email', label: t('fields.email'), children: personal.email ?? '—' },
                { key: 'address', label: t('people.address'), children: personal.address ?? '—' },
                { key: 'notes', label: t('people.notes'), children: personal.notes ?? '—' },
              ]}
            />
          </>
        ) : (
          <Alert type="info" showIcon title={t('people.personalHidden')} />
        )}
      </section>

      <section className="body-section" aria-labelledby="person-history">
        <Typography.Title level={4} id="person-history" className="body-section-title">
          {t('people.history')}
        </Typography.Title>
        <ListTable<Position>
          label={t('people.history')}
          rowKey="id"
          size="small"
          rowClassName={(p) => (isCurrent(p) ? 'position-current' : '')}
          columns={columns}
          rows={history}
          pagination={false}
          emptyText={t('people.noHistory')}
          cardsOnPhone
        />
      </section>

      <section className="body-section" aria-labelledby="person-account">
        <Typography.Title level={4} id="person-account" className="body-section-title">
          {t('people.account')}
        </Typography.Title>
        {account ? (
          <Space size={[6, 6]} wrap>
            <span>{t('people.accountLogin', { username: account.username })}</span>
            {account.disabled ? (
              <Tag color="default">{t('accounts.statusDisabled')}</Tag>
            ) : (
              <Tag color="green">{t('accounts.statusActive')}</Tag>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>
        )}
      </section>

      {me.isAdmin ? <RecordHistorySection table="people" recordId={person.id} /> : null}

      <PersonFormModal open={editing} person={detail.data} onClose={() => setEditing(false)} />
      <PositionFormModal target={positionTarget} asOf={asOf} onClose={() => setPositionTarget(null)} />
    </article>
  );
}
