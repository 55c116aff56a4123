import { z } from 'zod';
import { CursorQuery, cursorPageOf } from './common.ts';

/** An in-app notification (thông báo) for one user. */
export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Web path to open, e.g. `/phong-trao/<id>` (older links read `/movements/<id>`). */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** A keyset page of the user's notifications, newest first, and how many are unread (up to 10,000). */
export const NotificationList = cursorPageOf(Notification).extend({ unread: z.number().int() });

export const NotificationQuery = CursorQuery.extend({
  unreadOnly: z.enum(['true', 'false']).optional(),
});
