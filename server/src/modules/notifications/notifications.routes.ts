import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import { Notification, NotificationList, NotificationQuery } from '#contracts/notifications.ts';
import { requirePrincipal } from '#server/platform/auth/access.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { listNotifications, markNotificationRead } from './notifications.service.ts';

type Row = Awaited<ReturnType<typeof markNotificationRead>>;

/** A stored notification as the API shows it. */
export const presentNotification = (row: Row): Notification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

/** The signed-in user's in-app notifications. */
export function registerNotificationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  api.get(
    '/api/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const page = await listNotifications(db, principal.id, {
        ...request.query,
        unreadOnly: request.query.unreadOnly === 'true',
      });
      return { ...page, items: page.items.map(presentNotification) };
    },
  );

  api.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        params: z.object({ id: z.string().uuid('Mã không hợp lệ') }),
        response: { 200: Notification, 404: ErrorResponse },
      },
    },
    async (request) =>
      presentNotification(await markNotificationRead(db, requirePrincipal(request).id, request.params.id)),
  );
}
