import { BellOutlined, CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Flex, Grid, Popover, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import {
  listNotifications,
  markAllRead,
  markRead,
  NOTIFICATIONS_KEY,
  notificationsKey,
  type Notification,
  type NotificationPage,
} from './notifications.api.ts';
import './notifications.css';

type Props = { settingsPath: string };

/** A definite "no such route / not allowed" answer: stop asking every minute. */
const definite = (e: unknown) => isApiError(e) && e.status >= 400 && e.status < 500;

/** The header's bell: unread count, and the latest notifications in a popover (a drawer on phones). */
export function NotificationBell({ settingsPath }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const [open, setOpen] = useState(false);
  // The count comes from the list of unread ones, refreshed every minute while the page is open.
  const unread = useQuery({
    queryKey: notificationsKey(true),
    queryFn: ({ signal }) => listNotifications(true, signal),
    refetchInterval: (q) => (q.state.error && definite(q.state.error) ? false : 60_000),
    refetchOnWindowFocus: true,
    retry: (n, e) => !definite(e) && n < 2,
  });
  const count = unread.data?.unread ?? 0;

  const button = (
    <Button
      type="text"
      className="notif-trigger"
      aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      aria-expanded={open}
      // On a computer the popover opens and closes itself on click; on a phone the button opens the drawer.
      onClick={wide ? undefined : () => setOpen(true)}
      data-testid="notification-bell"
    >
      <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined className="notif-icon" aria-hidden />
      </Badge>
    </Button>
  );
  const panel = open ? <NotificationPanel settingsPath={settingsPath} onDone={() => setOpen(false)} /> : null;

  if (wide) {
    return (
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        content={panel}
        arrow={false}
        classNames={{ root: 'notif-popover' }}
        title={t('notifications.title')}
      >
        {button}
      </Popover>
    );
  }
  return (
    <>
      {button}
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size="100%"
        title={t('notifications.title')}
        className="notif-drawer"
        styles={{ body: { padding: 0 } }}
      >
        {panel}
      </Drawer>
    </>
  );
}

function NotificationPanel({ settingsPath, onDone }: { settingsPath: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: notificationsKey(unreadOnly),
    queryFn: ({ signal }) => listNotifications(unreadOnly, signal),
    retry: (n, e) => !definite(e) && n < 2,
  });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  // Mark as read at once on screen; the server's answer refreshes the count.
  const markLocal = (id: string | null) =>
    queryClient.setQueriesData<NotificationPage>({ queryKey: NOTIFICATIONS_KEY }, (page) => {
      if (!page?.items) return page;
      const now = new Date().toISOString();
      const items = page.items.map((n) => (id === null || n.id === id ? { ...n, readAt: n.readAt ?? now } : n));
      const changed = page.items.filter((n, i) => n.readAt === null && items[i]?.readAt !== null).length;
      return { ...page, items, unread: Math.max(0, page.unread - changed) };
    });
  const readOne = useMutation({ mutationFn: markRead, onSettled: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onMutate: () => markLocal(null), onSettled: refresh });

  const open = (n: Notification) => {
    if (!n.readAt) {
      markLocal(n.id);
      readOne.mutate(n.id);
    }
    const to = n.link ?? (n.taskId ? `/nhiem-vu/${encodeURIComponent(n.taskId)}` : null);
    if (to) {
      onDone();
      void navigate(to);
    }
  };

  const items = list.data?.items ?? [];
  const anyUnread = (list.data?.unread ?? 0) > 0;

  return (
    <div className="notif-panel">
      <Flex justify="space-between" align="center" gap={8} wrap className="notif-toolbar">
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread') },
          ]}
        />
        <Button
          size="small"
          type="link"
          icon={<CheckOutlined aria-hidden />}
          disabled={!anyUnread}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} className="notif-skeleton" />
      ) : list.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(list.error, t)} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
        />
      ) : (
        <ul className="notif-list">
          {items.map((n) => (
            <li key={n.id}>
              <button type="button" className={`notif-item ${n.readAt ? '' : 'notif-unread'}`} onClick={() => open(n)}>
                {n.readAt ? null : <span className="notif-dot" aria-label={t('notifications.unreadMark')} />}
                <span className="notif-title">{n.title}</span>
                {n.body ? <span className="notif-body">{n.body}</span> : null}
                <span className="notif-time">{formatDateTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="notif-foot">
        <Button
          type="link"
          size="small"
          icon={<SettingOutlined aria-hidden />}
          onClick={() => {
            onDone();
            void navigate(`${settingsPath}#thong-bao`);
          }}
        >
          {t('notifications.settingsLink')}
        </Button>
      </div>
    </div>
  );
}
