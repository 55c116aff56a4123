import { useNavigate } from 'react-router';
import type { Notification } from '../../../../contracts/notifications.ts';
import { useMarkRead, webPathOf } from './notifications.api.ts';

/** Opening a notification marks it read and goes to the page it links to. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    const path = webPathOf(notification.link);
    if (path) navigate(path);
  };
}
