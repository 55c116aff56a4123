export { mailNotifications, type ReminderLog } from './notification-mail.ts';
export { registerNotificationRoutes } from './notifications.routes.ts';
export { type NotificationInput, notifyUnitOfficers, notifyUsers } from './notifications.service.ts';
