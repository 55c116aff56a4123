import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notification, NotificationList } from '../../../../contracts/notifications.ts';
import type { CursorPosition } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';

/** Cache key of the notification queries. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (position: CursorPosition) => ['notifications', 'list', position] as const,
};

/**
 * One keyset page of the user's notifications, newest first, and the unread count; refreshed every
 * minute for the bell.
 */
export function useNotifications(position: CursorPosition = { limit: 50 }) {
  return useQuery({
    queryKey: notificationKeys.list(position),
    queryFn: ({ signal }) =>
      api.get('/api/notifications', { query: { ...position }, schema: NotificationList, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    meta: { silentError: true },
  });
}

/** Marks a notification read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/notifications/${id}/read`, undefined, { schema: Notification }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/**
 * The web page a notification's link points to: new links are web paths (`/phong-trao/<id>`) and are
 * kept as they are; links stored by earlier versions named movements by their API path
 * (`/movements/<id>`) and are still translated. Anything not on this site is ignored.
 */
export function webPathOf(link: string | null): string | null {
  if (!link?.startsWith('/') || link.startsWith('//')) return null;
  const legacyMovement = /^\/movements\/([^/?#]+)(.*)$/.exec(link);
  if (legacyMovement) return `/phong-trao/${legacyMovement[1]}${legacyMovement[2] ?? ''}`;
  return link;
}
