import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLocale, setLocale } from '../../lib/i18n.ts';
import { BrandMark } from '../../ui/BrandMark.tsx';
import { PlainLanguageSwitch } from '../../ui/PlainLanguageSwitch.tsx';
import { LOGIN_PATH } from '../auth/auth.paths.ts';
import { SUBMIT_PATH, TRACK_PATH } from './publicPetitions.api.ts';
import '../../ui/AuthLayout.css';
import './publicPetitions.css';

/** The citizens' pages: the band and emblem of the sign-in page, the page's title as its heading, one card, and the
 * links between the two pages and to the officers' sign-in. Plain HTML (no antd), in a small chunk of its own. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-band" aria-hidden="true" />
      <main className="pub-main">
        <div className="pub-head">
          <BrandMark size={40} />
          <span className="pub-org">{t('publicPetitions.org')}</span>
          <PlainLanguageSwitch value={currentLocale()} onChange={(l) => void setLocale(l)} />
        </div>
        <h1 className="pub-title">{title}</h1>
        <div className="auth-card pub-card">{children}</div>
        <nav className="pub-links" aria-label={t('publicPetitions.links.label')}>
          <Link to={SUBMIT_PATH}>{t('publicPetitions.links.submit')}</Link>
          <Link to={TRACK_PATH}>{t('publicPetitions.links.track')}</Link>
          <Link to={LOGIN_PATH}>{t('publicPetitions.links.signIn')}</Link>
        </nav>
      </main>
    </div>
  );
}

/** A labelled field: its label, a hint under it, the control and its problem (linked by aria-describedby). */
export function PubField({
  id,
  label,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="pub-field">
      <label htmlFor={id} className="pub-label">
        {label}
        {required ? null : <span className="pub-optional"> ({t('publicPetitions.optional')})</span>}
      </label>
      {hint ? (
        <div id={`${id}_hint`} className="pub-hint">
          {hint}
        </div>
      ) : null}
      {children}
      {error ? (
        <div id={`${id}_help`} className="pub-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** The aria attributes of a control in a PubField. */
export function fieldAria(id: string, opts: { required?: boolean; hint?: boolean; error?: string | null }) {
  const described = [opts.hint ? `${id}_hint` : null, opts.error ? `${id}_help` : null].filter(Boolean).join(' ');
  return {
    id,
    ...(opts.required ? { 'aria-required': true } : {}),
    ...(opts.error ? { 'aria-invalid': true } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}
