import { ArrowLeftOutlined, EyeInvisibleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Row, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { RecordPage } from '../../ui/DetailProblem.tsx';
import { formatSize } from '../work/upload.ts';
import { PetitionActions } from './PetitionActions.tsx';
import { DueText, KindTag, StateTag, useRuleNames } from './PetitionBits.tsx';
import { PetitionDocuments } from './PetitionDocuments.tsx';
import {
  getPetition,
  petitionKey,
  petitionPath,
  PETITIONS_PATH,
  type Deadline,
  type PetitionDetail,
  type PetitionState,
  type TimelineEvent,
} from './petitions.api.ts';

/** One case (/don-thu/:id): what was received and from whom (as the account may see it), its deadlines with their
 * legal basis, what the office did (the timeline), the forward and the competent body's reply, and the actions the
 * state machine allows now. */
export function PetitionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: petitionKey(id), queryFn: ({ signal }) => getPetition(id, signal) });
  return (
    <RecordPage
      query={detail}
      rows={12}
      title={t('petitions.detail.pageTitle')}
      notFound={t('petitions.detail.notFound')}
      backTo={PETITIONS_PATH}
      backLabel={t('petitions.backToList')}
      view={(d) => <PetitionView d={d} />}
    />
  );
}

function PetitionView({ d }: { d: PetitionDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="petition-page" aria-labelledby="petition-title">
      <Link to={PETITIONS_PATH} className="petition-back">
        <ArrowLeftOutlined aria-hidden /> {t('petitions.backToList')}
      </Link>
      <header className="petition-header">
        <Flex gap={6} wrap className="petition-tags">
          <Tag className="petition-number-tag">
            {d.registerNumber
              ? t('petitions.detail.numberIn', {
                  number: d.registerNumber,
                  register: t(`petitions.register.${d.register}`),
                })
              : t('petitions.notRegistered')}
          </Tag>
          <StateTag state={d.state} />
          <KindTag kind={d.kind} />
          {d.overdue ? <Tag color="red">{t('petitions.detail.overdueTag')}</Tag> : null}
          {d.public ? <Tag color="green">{t('petitions.detail.publicTag')}</Tag> : null}
        </Flex>
        <Typography.Title level={1} id="petition-title" className="page-title petition-title">
          {d.summary}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('petitions.detail.receivedLine', { on: formatDate(d.receivedOn), body: d.receivingBody.name })}
        </Typography.Text>
        <PetitionActions detail={d} />
      </header>
      {d.state === 'merged' && d.mergedIntoId ? (
        <Alert
          className="form-alert"
          type="info"
          showIcon
          title={
            <>
              {t('petitions.detail.mergedInto')}{' '}
              <Link to={petitionPath(d.mergedIntoId)}>{t('petitions.detail.openCase')}</Link>
            </>
          }
        />
      ) : null}
      {d.state === 'suspended' && d.suspendedFrom ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t('petitions.detail.suspendedFrom', {
            state: t(`petitions.state.${d.suspendedFrom as PetitionState}`, { defaultValue: d.suspendedFrom }),
          })}
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card className="petition-card" title={<h2 className="card-title">{t('petitions.contentTitle')}</h2>}>
            <Facts detail={d} />
            <Typography.Title level={3} className="petition-subtitle">
              {t('petitions.content')}
            </Typography.Title>
            <Typography.Paragraph className="petition-pre">{d.content}</Typography.Paragraph>
            {d.attachments.length ? (
              <>
                <Typography.Title level={3} className="petition-subtitle">
                  {t('petitions.attachments')}
                </Typography.Title>
                <ul className="petition-files">
                  {d.attachments.map((a) => (
                    <li key={a.id}>
                      <PaperClipOutlined aria-hidden />{' '}
                      {a.url ? (
                        <a href={a.url} target="_blank" rel="noreferrer">
                          {a.filename}
                        </a>
                      ) : (
                        t('petitions.attachmentHidden', { name: a.filename })
                      )}{' '}
                      <span className="muted">({formatSize(a.size, i18n.language)})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
          <Petitioners detail={d} />
          <ForwardsCard detail={d} />
          {d.parts.length ? (
            <Card className="petition-card" title={<h2 className="card-title">{t('petitions.detail.parts')}</h2>}>
              <ul className="petition-hints">
                {d.parts.map((p) => (
                  <li key={p.id} className="petition-hint">
                    <Flex gap={6} wrap align="center">
                      <Link to={petitionPath(p.id)} className="petition-link">
                        {p.summary}
                      </Link>
                      <KindTag kind={p.kind} />
                      <StateTag state={p.state} />
                    </Flex>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card className="petition-card" title={<h2 className="card-title">{t('petitions.detail.timeline')}</h2>}>
            <PetitionTimeline events={d.events} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <DeadlinesCard deadlines={d.deadlines} />
          <PetitionDocuments detail={d} />
          {d.links.length ? (
            <Card className="petition-card" title={<h2 className="card-title">{t('petitions.detail.links')}</h2>}>
              <ul className="petition-list">
                {d.links.map((l) => (
                  <li key={l.id}>
                    <strong>{t(`petitions.linkKind.${l.kind}`, { defaultValue: l.kind })}</strong>
                    {l.note ? <div className="petition-pre">{l.note}</div> : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </Col>
      </Row>
    </article>
  );
}

/** The case's facts as a definition list that stacks on a phone. */
function Facts({ detail: d }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  const none = <span className="muted">—</span>;
  const facts: [string, ReactNode][] = [
    [t('petitions.receivedOn'), formatDate(d.receivedOn)],
    [t('petitions.channel'), t(`petitions.channels.${d.channel}`)],
    [t('petitions.receivingBody'), d.receivingBody.name],
  ];
  if (d.forwardedFrom) facts.push([t('petitions.forwardedFromName'), d.forwardedFrom.name ?? none]);
  facts.push([t('petitions.placeUnit'), d.addressUnit?.name ?? none]);
  facts.push([t('petitions.project'), d.project?.name ?? none]);
  facts.push([t('petitions.competence.label'), d.competence ? t(`petitions.competence.${d.competence}`) : none]);
  facts.push([
    t('petitions.eligibility.label'),
    d.eligible === null ? (
      none
    ) : (
      <span key="e">
        {d.eligible ? t('petitions.eligibility.yes') : t('petitions.eligibility.no')}
        {d.eligibilityReason ? <span className="muted"> — {d.eligibilityReason}</span> : null}
      </span>
    ),
  ]);
  if (d.signatoryCount > 0) facts.push([t('petitions.signatories'), String(d.signatoryCount)]);
  facts.push([
    t('petitions.officers'),
    d.officers.length ? (
      d.officers.map((o) => o.name).join(', ')
    ) : (
      <span className="muted">{t('petitions.noOfficer')}</span>
    ),
  ]);
  if (d.trackingCode) facts.push([t('petitions.trackingCode'), <strong key="c">{d.trackingCode}</strong>]);
  if (d.closedOn) facts.push([t('petitions.detail.closedOn'), formatDate(d.closedOn)]);
  return (
    <dl className="petition-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="petition-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who petitioned, or why the account sees "(ẩn)": identities are for the assigned officers and the receiving body's
 * leaders only. */
function Petitioners({ detail: d }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      className="petition-card"
      title={<h2 className="card-title">{t('petitions.petitionersCount', { count: d.petitioners.length })}</h2>}
    >
      {d.anonymous || d.petitioners.length === 0 ? (
        <Typography.Text type="secondary">{t('petitions.anonymous')}</Typography.Text>
      ) : !d.identityVisible ? (
        <Alert
          type="info"
          showIcon
          icon={<EyeInvisibleOutlined aria-hidden />}
          title={t('petitions.detail.hiddenTitle', { count: d.petitioners.length })}
          description={t('petitions.detail.hiddenWhy')}
        />
      ) : (
        <ul className="petition-people">
          {d.petitioners.map((p) => (
            <li key={p.id}>
              <Flex gap={6} wrap align="center">
                <strong>{p.fullName}</strong>
                {p.isRepresentative ? <Tag color="blue">{t('petitions.representative')}</Tag> : null}
              </Flex>
              <div className="petition-sub">
                {[
                  p.idNumber ? `${t('petitions.idNumber')}: ${p.idNumber}` : null,
                  p.phone ? `${t('petitions.phone')}: ${p.phone}` : null,
                  p.address,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The forward (once per content) and the competent body's replies. */
function ForwardsCard({ detail: d }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  if (!d.forwards.length && !d.replies.length) return null;
  return (
    <Card className="petition-card" title={<h2 className="card-title">{t('petitions.detail.forwardsTitle')}</h2>}>
      {d.forwards.map((f) => (
        <div key={f.id} className="petition-block">
          <strong>
            {t('petitions.detail.forwardedTo', { on: formatDate(f.on), to: f.toBody?.name ?? f.toName ?? '' })}
          </strong>
          {f.note ? <div className="petition-pre">{f.note}</div> : null}
        </div>
      ))}
      {d.replies.map((r) => (
        <div key={r.id} className="petition-block">
          <Flex gap={6} wrap align="center">
            <strong>{t('petitions.detail.replyReceived', { on: formatDate(r.receivedOn) })}</strong>
            {r.published ? <Tag color="green">{t('petitions.detail.published')}</Tag> : null}
          </Flex>
          {r.decidedOn ? (
            <div className="muted">{t('petitions.detail.decidedOn', { on: formatDate(r.decidedOn) })}</div>
          ) : null}
          <div className="petition-pre">{r.result}</div>
          {r.published && r.publishedText ? (
            <div className="petition-published">
              <span className="muted">{t('petitions.detail.publishedText')}: </span>
              {r.publishedText}
            </div>
          ) : null}
        </div>
      ))}
    </Card>
  );
}

const DEADLINE_COLOR: Record<Deadline['status'], string> = {
  open: 'blue',
  met: 'green',
  missed: 'red',
  cancelled: 'default',
};

/** Each deadline with its due day, what is left, its legal basis and the rule version that set it. */
function DeadlinesCard({ deadlines }: { deadlines: readonly Deadline[] }) {
  const { t } = useTranslation();
  const ruleName = useRuleNames();
  return (
    <Card className="petition-card" title={<h2 className="card-title">{t('petitions.deadlines.title')}</h2>}>
      {deadlines.length === 0 ? (
        <Typography.Text type="secondary">{t('petitions.deadlines.none')}</Typography.Text>
      ) : (
        <ul className="petition-deadlines">
          {deadlines.map((x) => (
            <li key={x.id} className={x.overdue ? 'petition-deadline petition-deadline-late' : 'petition-deadline'}>
              <Flex gap={6} wrap align="center" justify="space-between">
                <strong>{ruleName(x.rule)}</strong>
                <Tag color={x.overdue ? 'red' : DEADLINE_COLOR[x.status]}>
                  {x.overdue ? t('petitions.deadlines.late') : t(`petitions.deadlines.status.${x.status}`)}
                </Tag>
              </Flex>
              <div>
                {t('petitions.deadlines.due')}: <DueText due={x.due} open={x.status === 'open'} />
                {x.doneOn ? (
                  <span className="muted"> · {t('petitions.deadlines.doneOn', { on: formatDate(x.doneOn) })}</span>
                ) : null}
              </div>
              <div className="petition-sub">
                {x.dayKind === 'working'
                  ? t('petitions.deadlines.workingDays', { count: x.days, start: formatDate(x.start) })
                  : t('petitions.deadlines.calendarDays', { count: x.days, start: formatDate(x.start) })}
              </div>
              <div className="petition-basis">
                {t('petitions.deadlines.basis', { basis: x.basis, version: x.ruleVersion })}
              </div>
              {x.provisional && x.status === 'open' ? (
                <div className="petition-provisional">{t('petitions.deadlines.provisional')}</div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** What was done on the case, oldest first: each step with its day, who did it and its note. */
function PetitionTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.detail.noEvents')} />;
  return (
    <Timeline
      className="petition-timeline"
      items={events.map((e) => ({
        key: e.id,
        color:
          e.toState === 'closed' || e.action === 'record_reply' ? 'green' : e.action === 'withdraw' ? 'gray' : 'blue',
        content: (
          <div className="petition-event">
            <strong>{t(`petitions.event.${e.action}`, { defaultValue: e.action })}</strong>
            <span className="muted">
              {' · '}
              {formatDate(e.day)}
              {e.by ? ` · ${e.by}` : ''}
            </span>
            {e.fromState !== e.toState && e.toState ? (
              <div className="petition-sub">
                {t('petitions.detail.movedTo', {
                  state: t(`petitions.state.${e.toState as PetitionState}`, { defaultValue: e.toState }),
                })}
              </div>
            ) : null}
            {e.note ? <div className="petition-pre">{e.note}</div> : null}
            <div className="petition-sub" title={formatDateTime(e.at)}>
              {t('petitions.detail.recordedAt', { at: formatDateTime(e.at) })}
            </div>
          </div>
        ),
      }))}
    />
  );
}
