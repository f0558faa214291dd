import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { errorText } from '../../ui/errors.ts';
import { PublicAttachments, type Attached } from './PublicAttachments.tsx';
import { fieldAria, PubField, PublicLayout } from './PublicLayout.tsx';
import {
  fetchBodies,
  fetchForm,
  searchUnits,
  submitPetition,
  TRACK_PATH,
  vnDate,
  type NewPetition,
  type Submitted,
  type UnitHit,
} from './publicPetitions.api.ts';

const CONTENT_MAX = 10_000;
const KINDS = ['proposal', 'complaint', 'denunciation'] as const;
type Values = {
  receivingBodyId: string;
  kind: '' | (typeof KINDS)[number];
  summary: string;
  content: string;
  fullName: string;
  phone: string;
  address: string;
  website: string;
};
const EMPTY: Values = {
  receivingBodyId: '',
  kind: '',
  summary: '',
  content: '',
  fullName: '',
  phone: '',
  address: '',
  website: '',
};
type Problems = Partial<Record<keyof Values | 'addressUnitId' | 'attachments', string>>;

/** The problems the page sees before sending (the server checks everything again). */
function check(v: Values, t: (k: string) => string): Problems {
  const p: Problems = {};
  if (!v.receivingBodyId) p.receivingBodyId = t('validation.required');
  if (!v.content.trim()) p.content = t('validation.required');
  if (!v.fullName.trim() && (v.phone.trim() || v.address.trim()))
    p.fullName = t('publicPetitions.submit.nameForContact');
  return p;
}

/** /gui-don: a citizen sends a petition, proposal or complaint without signing in, and is given its tracking code. */
export function SubmitPetitionPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [unit, setUnit] = useState<UnitHit | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<Submitted | null>(null);
  const [files, setFiles] = useState<Attached[]>([]);
  // The form's token is taken when the page opens: the server refuses a form sent within seconds of it (a robot).
  const form = useQuery({ queryKey: ['public-petition-form'], queryFn: fetchForm, staleTime: Infinity, gcTime: 0 });
  const bodies = useQuery({ queryKey: ['public-receiving-bodies'], queryFn: fetchBodies, staleTime: 600_000 });
  const mutation = useMutation({
    mutationFn: submitPetition,
    onSuccess: (result) => {
      setDone(result);
      setValues(EMPTY);
      setUnit(null);
      setFiles([]);
      // The next petition is a new form: its own token, its own files.
      void form.refetch();
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'FORM_EXPIRED') {
        void form.refetch();
        // Files belong to the form they were sent with: after a new token they are sent again.
        if (files.length) {
          setFiles([]);
          setProblems({ attachments: t('publicPetitions.files.again') });
          return;
        }
      }
      const placed: Problems = {};
      for (const issue of error.issues) {
        const field = issue.field.split('.')[0];
        if (field && field !== 'formToken') placed[field as keyof Problems] = issue.message;
      }
      if (error.field && !error.issues.length && error.field !== 'formToken')
        placed[error.field as keyof Problems] = error.message;
      setProblems(placed);
    },
  });

  const edit = (field: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending || !form.data) return;
    const found = check(values, t);
    if (files.some((f) => f.state === 'uploading')) found.attachments = t('publicPetitions.files.wait');
    else if (files.some((f) => f.state === 'failed')) found.attachments = t('publicPetitions.files.failedOnes');
    setProblems(found);
    if (Object.values(found).some(Boolean)) {
      document.getElementById(Object.keys(found)[0]!)?.focus();
      return;
    }
    const trimmed = (s: string) => s.trim() || undefined;
    const body: NewPetition = {
      formToken: form.data.formToken,
      receivingBodyId: values.receivingBodyId,
      content: values.content,
      kind: values.kind || undefined,
      summary: trimmed(values.summary),
      fullName: trimmed(values.fullName),
      phone: trimmed(values.phone),
      address: trimmed(values.address),
      addressUnitId: unit?.id,
      ...(files.length ? { attachments: files.flatMap((f) => (f.id ? [f.id] : [])) } : {}),
      ...(values.website ? { website: values.website } : {}),
    };
    mutation.mutate(body);
  };

  if (done) return <Sent result={done} onAnother={() => setDone(null)} />;

  const banner = mutation.isError && !Object.values(problems).some(Boolean) ? errorText(mutation.error, t) : null;
  return (
    <PublicLayout title={t('publicPetitions.submit.title')}>
      <p className="pub-lead">{t('publicPetitions.submit.lead')}</p>
      <form noValidate onSubmit={submit} aria-label={t('publicPetitions.submit.title')}>
        {banner ? (
          <div className="pub-alert" role="alert">
            {banner}
          </div>
        ) : null}
        <PubField
          id="receivingBodyId"
          label={t('publicPetitions.submit.body')}
          required
          error={problems.receivingBodyId}
        >
          <select
            {...fieldAria('receivingBodyId', { required: true, error: problems.receivingBodyId })}
            className="pub-input"
            value={values.receivingBodyId}
            onChange={(e) => edit('receivingBodyId')(e.target.value)}
          >
            <option value="">{bodies.isPending ? t('common.loading') : t('publicPetitions.submit.bodyChoose')}</option>
            {(bodies.data?.items ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </PubField>

        <fieldset className="pub-fieldset">
          <legend className="pub-label">
            {t('publicPetitions.submit.kind')} <span className="pub-optional">({t('publicPetitions.optional')})</span>
          </legend>
          <div className="pub-radios">
            {[...KINDS, ''].map((k) => (
              <label key={k || 'unknown'} className="pub-radio">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={values.kind === k}
                  onChange={() => edit('kind')(k)}
                />
                {t(`publicPetitions.kinds.${k || 'unknown'}`)}
              </label>
            ))}
          </div>
          {values.kind === 'denunciation' ? (
            <p className="pub-note" role="note">
              {t('publicPetitions.submit.denunciationNote')}
            </p>
          ) : null}
        </fieldset>

        <PubField id="summary" label={t('publicPetitions.submit.summary')} error={problems.summary}>
          <input
            {...fieldAria('summary', { error: problems.summary })}
            className="pub-input"
            maxLength={300}
            value={values.summary}
            onChange={(e) => edit('summary')(e.target.value)}
          />
        </PubField>

        <PubField
          id="content"
          label={t('publicPetitions.submit.content')}
          required
          hint={t('publicPetitions.submit.contentHint', { max: CONTENT_MAX.toLocaleString('vi-VN') })}
          error={problems.content}
        >
          <textarea
            {...fieldAria('content', { required: true, hint: true, error: problems.content })}
            className="pub-input pub-textarea"
            rows={8}
            maxLength={CONTENT_MAX}
            value={values.content}
            onChange={(e) => edit('content')(e.target.value)}
          />
        </PubField>

        <UnitField unit={unit} onChange={setUnit} error={problems.addressUnitId} />

        <PublicAttachments
          formToken={form.data?.formToken}
          files={files}
          onChange={(update) => {
            setFiles(update);
            setProblems((p) => ({ ...p, attachments: undefined }));
          }}
          error={problems.attachments}
        />

        <fieldset className="pub-fieldset">
          <legend className="pub-label">{t('publicPetitions.submit.sender')}</legend>
          <p className="pub-hint">{t('publicPetitions.submit.senderHint')}</p>
          <PubField id="fullName" label={t('publicPetitions.submit.fullName')} error={problems.fullName}>
            <input
              {...fieldAria('fullName', { error: problems.fullName })}
              className="pub-input"
              autoComplete="name"
              maxLength={200}
              value={values.fullName}
              onChange={(e) => edit('fullName')(e.target.value)}
            />
          </PubField>
          <PubField id="phone" label={t('publicPetitions.submit.phone')} error={problems.phone}>
            <input
              {...fieldAria('phone', { error: problems.phone })}
              className="pub-input"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              value={values.phone}
              onChange={(e) => edit('phone')(e.target.value)}
            />
          </PubField>
          <PubField id="address" label={t('publicPetitions.submit.address')} error={problems.address}>
            <input
              {...fieldAria('address', { error: problems.address })}
              className="pub-input"
              autoComplete="street-address"
              maxLength={500}
              value={values.address}
              onChange={(e) => edit('address')(e.target.value)}
            />
          </PubField>
        </fieldset>

        {/* Not shown to people (nor to screen readers): a robot filling every field fills this one too. */}
        <div className="pub-trap" hidden>
          <label htmlFor="website">Website</label>
          <input
            id="website"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => edit('website')(e.target.value)}
          />
        </div>

        <button type="submit" className="pub-submit" disabled={mutation.isPending || !form.data}>
          {mutation.isPending ? t('publicPetitions.submit.sending') : t('publicPetitions.submit.send')}
        </button>
        <p className="pub-hint pub-privacy">{t('publicPetitions.submit.privacy')}</p>
      </form>
    </PublicLayout>
  );
}

/** The commune, ward or village the petition is about: typed, then picked from what the server finds. */
function UnitField({
  unit,
  onChange,
  error,
}: {
  unit: UnitHit | null;
  onChange: (u: UnitHit | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<UnitHit[]>([]);
  useEffect(() => {
    const query = q.trim();
    if (query.length < 2 || unit) {
      setHits([]);
      return;
    }
    const ctrl = new AbortController();
    // Asked once the person pauses typing, not at each key.
    const timer = window.setTimeout(() => {
      searchUnits(query, ctrl.signal)
        .then((r) => setHits(r.items))
        .catch(() => setHits([]));
    }, 300);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, unit]);

  if (unit)
    return (
      <div className="pub-field">
        <span className="pub-label" id="addressUnitId">
          {t('publicPetitions.submit.unit')}
        </span>
        <div className="pub-chosen">
          <span>
            {unit.name}
            <span className="pub-hint"> — {unit.path}</span>
          </span>
          <button type="button" className="pub-link-button" onClick={() => onChange(null)}>
            {t('publicPetitions.submit.unitChange')}
          </button>
        </div>
      </div>
    );
  return (
    <PubField
      id="addressUnitId"
      label={t('publicPetitions.submit.unit')}
      hint={t('publicPetitions.submit.unitHint')}
      error={error}
    >
      <input
        {...fieldAria('addressUnitId', { hint: true, error })}
        className="pub-input"
        type="search"
        autoComplete="off"
        maxLength={100}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {hits.length ? (
        <ul className="pub-hits" aria-label={t('publicPetitions.submit.unitFound')}>
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="pub-hit" onClick={() => onChange(h)}>
                <strong>{h.name}</strong>
                <span className="pub-hint">{h.path}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </PubField>
  );
}

/** After sending: the tracking code, big, to be kept; what to expect; a copy button. */
function Sent({ result, onAnother }: { result: Submitted; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.trackingCode);
    } catch {
      // No clipboard (an address without https): the code is selected for the person to copy.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    setCopied(true);
  };
  return (
    <PublicLayout title={t('publicPetitions.submit.title')}>
      <div className="pub-done">
        <h2 ref={heading} tabIndex={-1} className="pub-done-title">
          {t('publicPetitions.sent.title')}
        </h2>
        <p>{t('publicPetitions.sent.codeLabel')}</p>
        <code ref={codeRef} className="pub-code" aria-label={t('publicPetitions.sent.codeAria')}>
          {result.trackingCode}
        </code>
        <p className="pub-keep">
          <strong>{t('publicPetitions.sent.keep')}</strong>
        </p>
        <button type="button" className="pub-secondary" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('publicPetitions.sent.copy')}
        </button>
        <p>{result.expect}</p>
        <p className="pub-hint">{t('publicPetitions.sent.received', { date: vnDate(result.receivedOn) })}</p>
        <div className="pub-actions">
          <Link className="pub-submit pub-as-link" to={`${TRACK_PATH}/${result.trackingCode}`}>
            {t('publicPetitions.sent.track')}
          </Link>
          <button type="button" className="pub-link-button" onClick={onAnother}>
            {t('publicPetitions.sent.another')}
          </button>
        </div>
      </div>
    </PublicLayout>
  );
}
