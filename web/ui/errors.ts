import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api.ts';

/** The text to show for any failure: the server's own (already translated) message, or a local fallback. */
export function errorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('errors.network');
    if (error.message) return error.message;
  }
  return t('errors.unknown');
}

/**
 * Puts the server's field errors beside the matching form fields.
 * Returns the message still to show above the form, or null when every problem found its field.
 */
export function showFormError(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  t: TFunction,
): string | null {
  if (!isApiError(error)) return errorText(error, t);
  const byField = new Map<string, string[]>();
  // A field of a list's row ('cooperators.1.bodyId') belongs to the form's 'cooperators' list.
  const add = (field: string | undefined, message: string) => {
    if (!field || !fieldNames.includes(field.split('.')[0]!)) return false;
    byField.set(field, [...(byField.get(field) ?? []), message]);
    return true;
  };
  let unplaced = false;
  for (const issue of error.issues) if (!add(issue.field, issue.message)) unplaced = true;
  if (error.field && error.issues.length === 0 && !add(error.field, error.message)) unplaced = true;
  if (byField.size === 0) return errorText(error, t);
  const namePath = (field: string) => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  form.setFields([...byField].map(([name, errors]) => ({ name: namePath(name), errors })));
  form.scrollToField(namePath([...byField.keys()][0]!), { block: 'center' });
  return unplaced ? errorText(error, t) : null;
}
