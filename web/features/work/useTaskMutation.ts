import { useMutation, useQueryClient } from '@tanstack/react-query';
import { taskKey, WORK_KEY, type TaskDetail } from './work.api.ts';

/**
 * A change to a task that answers with the task's new detail: the detail is adopted at once (no second request for
 * the page) and the programme's lists are refreshed.
 */
export function useTaskMutation<V>(
  taskId: string,
  fn: (v: V) => Promise<TaskDetail>,
  options: { onSuccess?: (d: TaskDetail) => void; onError?: (e: unknown) => void; onMutate?: () => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // A fetch of the task still on its way when the change is sent would answer with the old detail after the new
    // one was adopted, so it is cancelled first (and again before adopting: a refetch may have started meanwhile).
    onMutate: async () => {
      options.onMutate?.();
      await queryClient.cancelQueries({ queryKey: taskKey(taskId) });
    },
    onSuccess: async (detail) => {
      await queryClient.cancelQueries({ queryKey: taskKey(taskId) });
      queryClient.setQueryData(taskKey(taskId), detail);
      void queryClient.invalidateQueries({
        queryKey: WORK_KEY,
        predicate: (q) => q.queryKey[1] !== 'task' || q.queryKey[2] !== taskId,
      });
      options.onSuccess?.(detail);
    },
    onError: options.onError,
  });
}

/** "Tải lại" after a stale version (409): fetch the task again, then run `then` (close the form). */
export function useReloadTask(taskId: string) {
  const queryClient = useQueryClient();
  return (then?: () => void) => {
    void queryClient.invalidateQueries({ queryKey: WORK_KEY });
    void queryClient.refetchQueries({ queryKey: taskKey(taskId) });
    then?.();
  };
}
