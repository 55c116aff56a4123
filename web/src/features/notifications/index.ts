export { NotificationBell } from './notification-bell.tsx';
export { NotificationListPage } from './notification-list-page.tsx';
export { webPathOf } from './notifications.api.ts';
