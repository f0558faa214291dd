import { Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDIT_TABLES, fieldChanges, shortId, valueText, type AuditEntry, type FieldChange } from './audit.api.ts';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'cyan',
  purge: 'volcano',
  sign_in: 'geekblue',
  sign_in_failed: 'orange',
  sign_out: 'default',
  view_personal: 'purple',
  sign_in_refused_disabled: 'magenta',
};

/** The translated name of an action, or the code itself for one this screen does not know yet. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (code: string) => t(`audit.actions.${code}`, { defaultValue: code }),
    table: (name: string | null) =>
      name ? ((AUDIT_TABLES as readonly string[]).includes(name) ? t(`audit.tables.${name}`) : name) : '',
  };
}

export function ActionTag({ action }: { action: string }) {
  const labels = useAuditLabels();
  return <Tag color={ACTION_COLORS[action] ?? 'default'}>{labels.action(action)}</Tag>;
}

/** Who: the account's name and login, or the label of the tool that acted without one. */
export function ActorText({ entry }: { entry: Pick<AuditEntry, 'actor' | 'actorLabel'> }) {
  const { t } = useTranslation();
  if (entry.actor) {
    return (
      <span className="audit-actor">
        <span>{entry.actor.displayName}</span>{' '}
        <Typography.Text type="secondary">({entry.actor.username})</Typography.Text>
      </span>
    );
  }
  return (
    <Typography.Text type="secondary">
      {entry.actorLabel ? t(`audit.labels.${entry.actorLabel}`, { defaultValue: entry.actorLabel }) : '—'}
    </Typography.Text>
  );
}

/** The record an entry is about, as people call it ("Nhiệm vụ số 2 — …", "Tài khoản canbo (Vũ Thị Lan)"); the kind
 * of record and its id are in the tooltip. An entry the log cannot name shows its kind and the first block of its id. */
export function RecordText({ entry }: { entry: Pick<AuditEntry, 'table' | 'recordId' | 'recordLabel'> }) {
  const labels = useAuditLabels();
  if (!entry.table) return <span className="muted">—</span>;
  if (entry.recordLabel) {
    const about = [labels.table(entry.table), entry.recordId].filter(Boolean).join(' · ');
    return (
      <span className="audit-record" title={about}>
        {entry.recordLabel}
      </span>
    );
  }
  return (
    <span>
      {labels.table(entry.table)}{' '}
      {entry.recordId ? (
        <Typography.Text code title={entry.recordId}>
          {shortId(entry.recordId)}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** The values an entry recorded: field, before and after for an update; the values for a create or delete. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const changes = fieldChanges(entry);
  const show = (v: unknown) => (typeof v === 'boolean' ? t(v ? 'audit.yes' : 'audit.no') : valueText(v));
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const both = entry.before !== null && entry.after !== null;
  if (!wide) {
    // On a phone each field is a short block, its values under its name: a table would need a sideways scroll.
    return (
      <ul className="audit-changes audit-changes-list" aria-label={t('audit.changes')}>
        {changes.map((c) => (
          <li key={c.field} className="audit-change">
            <Typography.Text code>{c.field}</Typography.Text>
            {both || entry.before !== null ? (
              <div>
                <span className="muted">{both ? t('audit.before') : t('audit.value')}: </span>
                <span className="audit-value audit-before">{show(c.before)}</span>
              </div>
            ) : null}
            {both || entry.after !== null ? (
              <div>
                <span className="muted">{both ? t('audit.after') : t('audit.value')}: </span>
                <span className="audit-value audit-after">{show(c.after)}</span>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  const columns = [
    {
      title: t('audit.field'),
      dataIndex: 'field',
      key: 'field',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    ...(both || entry.before !== null
      ? [
          {
            title: both ? t('audit.before') : t('audit.value'),
            key: 'before',
            render: (_v: unknown, c: FieldChange) => <span className="audit-value audit-before">{show(c.before)}</span>,
          },
        ]
      : []),
    ...(both || entry.after !== null
      ? [
          {
            title: both ? t('audit.after') : t('audit.value'),
            key: 'after',
            render: (_v: unknown, c: FieldChange) => <span className="audit-value audit-after">{show(c.after)}</span>,
          },
        ]
      : []),
  ];
  return (
    <Table<FieldChange>
      className="audit-changes"
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={changes}
      pagination={false}
      aria-label={t('audit.changes')}
      tableLayout="fixed"
    />
  );
}
