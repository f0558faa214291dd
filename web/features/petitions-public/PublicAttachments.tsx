import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { errorText } from '../../ui/errors.ts';
import { acceptable, formatSize, shrinkImage, UPLOAD_ACCEPT } from '../work/upload.ts';
import { uploadPublicFile } from './publicPetitions.api.ts';

/** As the server takes them (petitions-public.schemas.ts): five files of at most 10 MB, photos, PDF, Word, Excel. */
export const FILES_MAX = 5;
const FILE_BYTES = 10 * 1024 * 1024;

export type Attached = {
  key: string;
  name: string;
  size: number;
  state: 'uploading' | 'done' | 'failed';
  id?: string;
  error?: string;
};

let seq = 0;

/**
 * The files a citizen attaches: each is sent as soon as it is chosen (bound to the form's token), listed with its
 * size and state, and can be taken off before sending. What the browser can tell (type by name, size, count) is
 * told at once; the server checks again by the file's bytes.
 */
export function PublicAttachments({
  formToken,
  files,
  onChange,
  error,
}: {
  formToken: string | undefined;
  files: Attached[];
  onChange: (update: (files: Attached[]) => Attached[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const set = (key: string, patch: Partial<Attached>) =>
    onChange((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const choose = (list: FileList | null) => {
    if (!list || !formToken) return;
    const room = FILES_MAX - files.length;
    const chosen = Array.from(list);
    const added: Attached[] = chosen.slice(0, Math.max(0, room)).map((file) => {
      const item: Attached = { key: `f${++seq}`, name: file.name, size: file.size, state: 'uploading' };
      if (!acceptable(file)) return { ...item, state: 'failed', error: t('publicPetitions.files.type') };
      // A phone's photo is shrunk first (a village's mobile connection); only then is its size judged.
      shrinkImage(file)
        .then((small) => {
          if (small.size > FILE_BYTES) throw new Error(t('publicPetitions.files.tooLarge'));
          set(item.key, { size: small.size });
          return uploadPublicFile(formToken, small);
        })
        .then((r) => set(item.key, { state: 'done', id: r.id }))
        .catch((err: unknown) =>
          set(item.key, {
            state: 'failed',
            error: !isApiError(err) && err instanceof Error ? err.message : errorText(err, t),
          }),
        );
      return item;
    });
    const refused: Attached[] = chosen.slice(Math.max(0, room)).map((file) => ({
      key: `f${++seq}`,
      name: file.name,
      size: file.size,
      state: 'failed',
      error: t('publicPetitions.files.tooMany', { max: FILES_MAX }),
    }));
    onChange((all) => [...all, ...added, ...refused]);
    if (input.current) input.current.value = '';
  };

  const full = files.filter((f) => f.state !== 'failed').length >= FILES_MAX;
  return (
    <div className="pub-field">
      <span id="attachments_label" className="pub-label">
        {t('publicPetitions.files.label')}
        <span className="pub-optional"> ({t('publicPetitions.optional')})</span>
      </span>
      <div id="attachments_hint" className="pub-hint">
        {t('publicPetitions.files.hint', { max: FILES_MAX })}
      </div>
      <input
        ref={input}
        id="attachments"
        className="pub-file"
        type="file"
        multiple
        accept={UPLOAD_ACCEPT}
        disabled={!formToken || full}
        aria-labelledby="attachments_label"
        aria-describedby={['attachments_hint', error ? 'attachments_help' : null].filter(Boolean).join(' ')}
        {...(error ? { 'aria-invalid': true } : {})}
        onChange={(e) => choose(e.target.files)}
      />
      {/* The browser's own button speaks the browser's language; this one speaks Vietnamese and opens the same picker. */}
      <label htmlFor="attachments" className="pub-secondary pub-file-button" aria-hidden>
        {t('publicPetitions.files.choose')}
      </label>
      {files.length ? (
        <ul className="pub-files" aria-label={t('publicPetitions.files.list')} aria-live="polite">
          {files.map((f) => (
            <li key={f.key} className={f.state === 'failed' ? 'pub-file-failed' : undefined}>
              <span className="pub-file-name">{f.name}</span>{' '}
              <span className="pub-hint">
                ({formatSize(f.size, i18n.language)}) —{' '}
                {f.state === 'failed' ? f.error : t(`publicPetitions.files.${f.state}`)}
              </span>{' '}
              <button
                type="button"
                className="pub-link-button"
                aria-label={t('publicPetitions.files.removeNamed', { name: f.name })}
                onClick={() => onChange((all) => all.filter((x) => x.key !== f.key))}
              >
                {t('publicPetitions.files.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <div id="attachments_help" className="pub-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
