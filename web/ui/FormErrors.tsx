import { Alert, Button, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../lib/api.ts';
import { showFormError } from './errors.ts';

/**
 * The error state of a saving form: a stale version (409) becomes the "changed by someone else, reload" warning;
 * other problems go beside their fields, or above the form when no field matches. `rename` maps the API's field
 * names to the form's where they differ (the form asks for a last day, the API takes the first day after).
 */
export function useFormErrors(form: FormInstance, fields: readonly string[], rename: Record<string, string> = {}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  return {
    reset: () => {
      setFormError(null);
      setConflict(false);
    },
    onError: (error: unknown) => {
      if (isApiError(error) && error.status === 409 && error.code === 'CONFLICT') {
        setConflict(true);
        return;
      }
      const renamed =
        isApiError(error) && Object.keys(rename).length > 0
          ? new ApiError(error.status, error.code, error.message, {
              field: error.field ? (rename[error.field] ?? error.field) : undefined,
              issues: error.issues.map((i) => ({ ...i, field: rename[i.field] ?? i.field })),
            })
          : error;
      setFormError(showFormError(form, renamed, fields, t));
    },
    formError,
    conflict,
  };
}

type Props = { formError: string | null; conflict: boolean; onReload: () => void };

/** The alerts above a form for useFormErrors: the conflict warning with Tải lại, and any unplaced error. */
export function FormErrorAlerts({ formError, conflict, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {conflict ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t('errors.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('common.reload')}
            </Button>
          }
        />
      ) : null}
      {formError ? <Alert className="form-alert" type="error" showIcon title={formError} /> : null}
    </>
  );
}
