import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/errors.ts';
import { useTaskMutation } from './useTaskMutation.ts';
import { addComment, type TaskDetail } from './work.api.ts';

/** "Ý kiến": a comment on the task, kept in its history. */
export function CommentBox({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useTaskMutation(detail.task.id, (text: string) => addComment(detail.task.id, text), {
    onMutate: () => setError(null),
    onSuccess: () => setNote(''),
    onError: (e) => setError(errorText(e, t)),
  });
  if (!detail.permissions.comment) return null;
  return (
    <form
      className="work-comment"
      aria-label={t('work.comments.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) {
          setError(t('validation.required'));
          return;
        }
        mutation.mutate(note.trim());
      }}
    >
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={5000}
        placeholder={t('work.comments.placeholder')}
        aria-label={t('work.comments.title')}
        status={error ? 'error' : undefined}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <Flex justify="end" className="work-comment-actions">
        <Button htmlType="submit" loading={mutation.isPending}>
          {t('work.comments.submit')}
        </Button>
      </Flex>
    </form>
  );
}
