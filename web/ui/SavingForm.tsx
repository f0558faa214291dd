import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { FormErrorAlerts, useFormErrors } from './FormErrors.tsx';

type SaveOptions<V, R> = {
  /** the form's fields, beside which the API's errors are shown (`rename`: see useFormErrors) */
  fields: readonly string[];
  rename?: Record<string, string>;
  submit: (values: V) => Promise<R>;
  /** the message once saved */
  savedText: (saved: R) => string;
  /** the lists read again once saved, before `done` (which closes the form) */
  refresh: readonly QueryKey[];
  done: (saved: R) => void;
  /** After a conflict, Tải lại reads this list again and closes the form, to be opened anew on fresh values. */
  reloadKey: QueryKey;
  onClose: () => void;
};

/** The save of a form through the API: its error state (useFormErrors), the request, and what follows it. */
export function useFormSave<V, R>(form: FormInstance<V>, o: SaveOptions<V, R>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const errors = useFormErrors(form, o.fields, o.rename);
  const mutation = useMutation({
    mutationFn: o.submit,
    onMutate: () => errors.reset(),
    onSuccess: (saved) => {
      void message.success(o.savedText(saved));
      for (const queryKey of o.refresh) void queryClient.invalidateQueries({ queryKey });
      o.done(saved);
    },
    onError: errors.onError,
  });
  return {
    form,
    errors,
    submit: (values: V) => mutation.mutate(values),
    isPending: mutation.isPending,
    reload: () => {
      void queryClient.invalidateQueries({ queryKey: o.reloadKey });
      o.onClose();
    },
  };
}

type Props<V> = Omit<FormProps<V>, 'form' | 'layout' | 'onFinish' | 'aria-label' | 'children'> & {
  saving: ReturnType<typeof useFormSave<V, unknown>>;
  /** the form's accessible name: the title of its modal or drawer */
  title: string;
  children: ReactNode;
};

/** The vertical form of a useFormSave, with its error alerts above the fields. */
export function SavingForm<V>({ saving, title, children, ...formProps }: Props<V>) {
  return (
    <Form<V> form={saving.form} layout="vertical" onFinish={saving.submit} aria-label={title} {...formProps}>
      <FormErrorAlerts formError={saving.errors.formError} conflict={saving.errors.conflict} onReload={saving.reload} />
      {children}
    </Form>
  );
}
