import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from './errors.ts';

type DeleteRecord = {
  /** Deletes the record (its version with it, so that a stale page is refused). */
  remove: () => Promise<unknown>;
  /** The module's queries to refresh, and the list to go back to once it is gone. */
  listKey: QueryKey;
  listPath: string;
  /** The confirmation's question and, when the consequences need saying, its explanation. */
  confirm: string;
  explain?: string;
  /** Said once it is deleted. */
  deleted: string;
};

/** A record page's "Xóa": asks first, deletes, says so and goes back to the list; an error is said where it was. */
export function useDeleteRecord(o: DeleteRecord): () => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: o.remove,
    onSuccess: () => {
      void message.success(o.deleted);
      void queryClient.invalidateQueries({ queryKey: o.listKey });
      void navigate(o.listPath);
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return () => {
    modal.confirm({
      title: o.confirm,
      content: o.explain,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync().catch(() => undefined),
    });
  };
}
