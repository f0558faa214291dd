import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { errorText } from '../../ui/errors.ts';

/** 'cooperators.0.bodyId' → ['cooperators', 0, 'bodyId'] (antd's name path for a field of a list). */
function namePath(field: string, rename: Record<string, string>): (string | number)[] {
  const renamed = rename[field] ?? field;
  return renamed.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * useFormErrors (web/ui/FormErrors.tsx) for forms with lists of rows: a stale version (409) becomes the "changed by
 * someone else, reload" warning; other problems go beside their fields — also a row's field such as
 * `cooperators.1.bodyId` — or above the form when no field matches. Use with FormErrorAlerts.
 */
export function useNestedFormErrors(form: FormInstance, fields: readonly string[], rename: Record<string, string> = {}) {
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
      if (!isApiError(error)) {
        setFormError(errorText(error, t));
        return;
      }
      const issues = error.issues.length > 0 ? error.issues : error.field ? [{ field: error.field, message: error.message }] : [];
      const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
      let unplaced = issues.length === 0;
      for (const issue of issues) {
        const name = namePath(issue.field, rename);
        if (!fields.includes(String(name[0]))) {
          unplaced = true;
          continue;
        }
        const key = name.join('.');
        const entry = placed.get(key) ?? { name, errors: [] };
        entry.errors.push(issue.message);
        placed.set(key, entry);
      }
      if (placed.size > 0) {
        form.setFields([...placed.values()]);
        const first = [...placed.values()][0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }
      setFormError(unplaced ? errorText(error, t) : null);
    },
    formError,
    conflict,
  };
}
