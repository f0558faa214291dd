import { useQuery } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../ui/errors.ts';
import { fieldAria, PubField, PublicLayout } from './PublicLayout.tsx';
import { TRACK_PATH, trackPetition, vnDate, type Tracked } from './publicPetitions.api.ts';

/** /tra-cuu-don and /tra-cuu-don/:code: the status of a petition by its tracking code, and the replies the office
 * published. */
export function TrackPetitionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [typed, setTyped] = useState(code);
  const [empty, setEmpty] = useState(false);
  const found = useQuery({
    queryKey: ['public-petition', code],
    queryFn: () => trackPetition(code),
    enabled: Boolean(code),
    retry: false,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = typed.trim().toUpperCase();
    setEmpty(!clean);
    if (!clean) return;
    if (clean === code) void found.refetch();
    else void navigate(`${TRACK_PATH}/${encodeURIComponent(clean)}`);
  };

  return (
    <PublicLayout title={t('publicPetitions.track.title')}>
      <form noValidate onSubmit={submit} className="pub-track-form" aria-label={t('publicPetitions.track.title')}>
        <PubField
          id="code"
          label={t('publicPetitions.track.code')}
          required
          hint={t('publicPetitions.track.codeHint')}
          error={empty ? t('validation.required') : null}
        >
          <div className="pub-inline">
            <input
              {...fieldAria('code', { required: true, hint: true, error: empty ? 'x' : null })}
              className="pub-input pub-code-input"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={20}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button type="submit" className="pub-submit pub-inline-button">
              {t('publicPetitions.track.find')}
            </button>
          </div>
        </PubField>
      </form>
      {!code ? null : found.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : found.isError ? (
        <div className="pub-alert" role="alert">
          {errorText(found.error, t)}
        </div>
      ) : (
        <Status data={found.data} />
      )}
    </PublicLayout>
  );
}

function Status({ data }: { data: Tracked }) {
  const { t } = useTranslation();
  return (
    <section className="pub-status" aria-labelledby="status-title">
      <p className="pub-hint">{t('publicPetitions.track.statusLabel')}</p>
      <h2 id="status-title" className={`pub-status-title pub-status-${data.status}`}>
        {data.statusText}
      </h2>
      <dl className="pub-facts">
        <dt>{t('publicPetitions.track.codeShown')}</dt>
        <dd>
          <code>{data.code}</code>
        </dd>
        <dt>{t('publicPetitions.track.body')}</dt>
        <dd>{data.receivingBody}</dd>
        <dt>{t('publicPetitions.track.receivedOn')}</dt>
        <dd>{vnDate(data.receivedOn)}</dd>
        {data.replyDueOn ? (
          <>
            <dt>{t('publicPetitions.track.replyDueOn')}</dt>
            <dd>{vnDate(data.replyDueOn)}</dd>
          </>
        ) : null}
        {data.updatedOn ? (
          <>
            <dt>{t('publicPetitions.track.updatedOn')}</dt>
            <dd>{vnDate(data.updatedOn)}</dd>
          </>
        ) : null}
        {data.forwards.map((f, i) => (
          <Fragment key={i}>
            <dt>{t('publicPetitions.track.forwardedTo')}</dt>
            <dd>
              {f.to} ({vnDate(f.on)})
            </dd>
          </Fragment>
        ))}
        {data.closedOn ? (
          <>
            <dt>{t('publicPetitions.track.closedOn')}</dt>
            <dd>{vnDate(data.closedOn)}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="pub-replies-title">{t('publicPetitions.track.replies')}</h3>
      {data.replies.length ? (
        <ul className="pub-replies">
          {data.replies.map((r, i) => (
            <li key={i}>
              <div className="pub-hint">{vnDate(r.on)}</div>
              <p className="pub-reply-text">{r.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="pub-hint">{t('publicPetitions.track.noReplies')}</p>
      )}
    </section>
  );
}
