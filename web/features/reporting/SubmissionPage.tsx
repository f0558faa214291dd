import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { KINDS_KEY, listKinds } from '../bodies/bodies.api.ts';
import { ConflictList } from './ConflictList.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { EntryRows, valuesByKey } from './EntryRows.tsx';
import {
  chooseConflict,
  decide,
  getSubmission,
  REPORTING_KEY,
  submissionKey,
  type Conflict,
  type Decision,
  type Submission,
} from './reporting.api.ts';
import { MY_REPORTS_PATH, REPORT_REVIEW_PATH } from './reporting.paths.ts';
import { StatusTag } from './StatusTag.tsx';
import { useEntryDraft, type Draft } from './useEntryDraft.ts';
import './reporting.css';

/** The organisations an indicator broken down by organisation is reported for (body kind codes). */
export const ORGANISATION_KINDS = ['front', 'womens_union', 'youth_union', 'farmers_union', 'veterans'] as const;

type Mode = 'entry' | 'review';

/** A report: its reporter's fast entry form, or (read only) its reviewer's view with approve and return. */
export function SubmissionPage({ id, mode }: { id: string; mode: Mode }) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const query = useQuery({ queryKey: submissionKey(id), queryFn: ({ signal }) => getSubmission(id, signal) });
  const back = (
    <Link to={mode === 'review' ? REPORT_REVIEW_PATH : MY_REPORTS_PATH} className="entry-back">
      <ArrowLeftOutlined aria-hidden /> {t(mode === 'review' ? 'reporting.review.back' : 'reporting.mine.back')}
    </Link>
  );
  if (query.isPending)
    return (
      <>
        {back}
        <PageHeader title={t('common.loading')} />
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  if (query.isError)
    return (
      <>
        {back}
        <PageHeader title={t('reporting.entry.title')} />
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(query.error, t)}>
          <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
        </Empty>
      </>
    );
  return (
    <>
      {back}
      <SubmissionView
        key={`${id}:${generation}`}
        s={query.data}
        mode={mode}
        onReload={() => void query.refetch().then(() => setGeneration((g) => g + 1))}
      />
    </>
  );
}

/** Moves to the next field of the form on Enter (a text area keeps its Enter for a new line). */
function enterMovesOn(e: KeyboardEvent<HTMLDivElement>) {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.shiftKey || target.tagName === 'TEXTAREA' || !target.matches('[data-entry]')) return;
  e.preventDefault();
  const fields = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-entry]')];
  const next = fields[fields.indexOf(target) + 1];
  next?.focus();
  if (next instanceof HTMLInputElement) next.select();
}

function SubmissionView({ s, mode, onReload }: { s: Submission; mode: Mode; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });
  const indicators = useMemo(
    () => [...s.formVersion.indicators].sort((a, b) => a.position - b.position),
    [s.formVersion.indicators],
  );
  // The organisations whose share the form asks (its body kinds), else the Front and a commune's mass organisations.
  const bodyKinds = s.formVersion.submitter === 'unit' ? s.formVersion.bodyKinds : [];
  const categories = useMemo(() => {
    const shares = bodyKinds.length > 0 ? bodyKinds : ORGANISATION_KINDS;
    return indicators.map((i) => (i.breakdown === 'organisation' ? ['', ...shares] : ['']));
  }, [indicators, bodyKinds]);
  const categoryName = (code: string) => {
    const k = kinds.data?.find((x) => x.code === code);
    return k ? (k.shortName ?? k.name) : code;
  };
  const draftState = useEntryDraft(s, indicators, categories);
  const editable = s.can.edit;
  const draft: Draft | null = editable ? draftState : null;
  const [busy, setBusy] = useState<Decision | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const save = draftState.save;
  // Ctrl+S (⌘S) saves the draft now, instead of the browser saving the page.
  useEffect(() => {
    if (!editable) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save().catch(() => undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, save]);

  const settle = (next: Submission) => {
    queryClient.setQueryData(submissionKey(s.id), next);
    void queryClient.invalidateQueries({ queryKey: REPORTING_KEY, refetchType: 'active' });
  };

  const onDecide = async (decision: Decision, reason?: string) => {
    setBusy(decision);
    setFailure(null);
    try {
      const saved = decision === 'submit' && draft ? await draft.save() : null;
      const version = saved?.version ?? queryClient.getQueryData<Submission>(submissionKey(s.id))?.version ?? s.version;
      const next = await decide(s.id, decision, { version, reason });
      settle(next);
      void message.success(t(`reporting.done.${decision}`));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  const onChoose = async (c: Conflict) => {
    setChoosing(`${c.indicatorId}|${c.category}`);
    setFailure(null);
    try {
      settle(await chooseConflict(s.id, { version: s.version, indicatorId: c.indicatorId, category: c.category }));
    } catch (err) {
      setFailure(err);
    } finally {
      setChoosing(null);
    }
  };

  const stale = (err: unknown) => (err as { status?: number } | null)?.status === 409;
  const problem = failure ?? draftState.error;
  const sections = s.formVersion.sections;
  const who = s.body?.name ?? s.unit.name;

  return (
    <div className="entry-page">
      <PageHeader
        title={s.form.name}
        description={
          <span>
            {s.periodLabel} · {who} · {t('reporting.col.due')}{' '}
            <span className={s.late ? 'report-late' : undefined}>{formatDate(s.due)}</span>
          </span>
        }
        extra={<StatusTag status={s.status} />}
      />
      {s.status === 'returned' && s.returnReason ? (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          title={t('reporting.entry.returned')}
          description={s.returnReason}
        />
      ) : null}
      {s.lock.locked ? (
        <Alert
          className="form-alert"
          type="info"
          showIcon
          title={t('reporting.entry.locked', { date: formatDate(s.lock.locksOn) })}
          description={[s.lock.reason, s.lock.reopenBy ? t('reporting.entry.reopenBy', { who: s.lock.reopenBy }) : null]
            .filter(Boolean)
            .join(' ')}
        />
      ) : null}
      {problem ? (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          role="alert"
          title={errorText(problem, t)}
          action={
            stale(problem) ? (
              <Button size="small" onClick={onReload}>
                {t('common.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <ConflictList
        conflicts={s.conflicts}
        indicators={indicators}
        categoryName={categoryName}
        // The server takes the choice only on an approved report; reopening is the reviewer's right on it.
        onChoose={mode === 'review' && s.status === 'approved' && s.can.reopen ? (c) => void onChoose(c) : undefined}
        chooseAfterApproval={mode === 'review' && s.status === 'submitted' && s.can.approve}
        choosing={choosing}
      />
      <Card className="entry-card">
        <div onKeyDown={enterMovesOn}>
          <EntryRows
            indicators={indicators}
            categories={categories}
            categoryName={categoryName}
            draft={draftState}
            readOnly={!editable}
            previous={valuesByKey(s.previous?.values)}
            lastYear={valuesByKey(s.lastYear?.values)}
            checks={s.checks}
            conflicts={s.conflicts}
          />
          {sections.length > 0 ? (
            <div className="entry-sections">
              {sections.map((sec) => (
                <div key={sec.key} className="entry-section">
                  <Typography.Title level={2} className="entry-section-title">
                    {editable ? <label htmlFor={`section-${sec.key}`}>{sec.title}</label> : sec.title}
                  </Typography.Title>
                  {editable ? (
                    <Input.TextArea
                      id={`section-${sec.key}`}
                      data-entry
                      value={draftState.narrative[sec.key] ?? ''}
                      autoSize={{ minRows: 3, maxRows: 16 }}
                      onChange={(e) => draftState.setNarrative(sec.key, e.target.value)}
                    />
                  ) : (
                    <Typography.Paragraph id={`section-${sec.key}`} className="entry-narrative">
                      {s.narrative[sec.key] || '—'}
                    </Typography.Paragraph>
                  )}
                </div>
              ))}
            </div>
          ) : null}
        </div>
        <DecisionBar s={s} draft={draft} busy={busy} onDecide={(d, r) => void onDecide(d, r)} />
      </Card>
    </div>
  );
}
