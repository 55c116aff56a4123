import type { VersionConflict } from '#contracts/common.ts';
import { AppError } from './app-error.ts';

/** Vietnam has one time zone; messages name times as users read them on their clocks. */
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "10:32 30/11/2026", in Vietnam's time. */
export function formatVietnamTime(date: Date): string {
  const part = Object.fromEntries(VIETNAM_TIME.formatToParts(date).map((item) => [item.type, item.value]));
  return `${part.hour}:${part.minute} ${part.day}/${part.month}/${part.year}`;
}

/**
 * A stale update: the record changed after the client loaded it. The reply (409 VERSION_CONFLICT)
 * says who changed it and when, and carries the record as it now stands once the route adds it.
 */
export class VersionConflictError extends AppError {
  readonly conflict: VersionConflict;

  constructor(subject: string, conflict: VersionConflict) {
    const who = conflict.updatedBy ?? 'người khác';
    super(
      'VERSION_CONFLICT',
      `${subject} đã được ${who} sửa lúc ${formatVietnamTime(new Date(conflict.updatedAt))}, sau khi bạn mở ra. ` +
        'Vui lòng tải lại bản mới; nội dung bạn đã nhập vẫn được giữ.',
    );
    this.conflict = conflict;
    this.details = { conflict };
  }
}

/**
 * Runs an update; when it meets a version conflict, the error reply also carries the record as the
 * read route presents it (`present`), so the form can show what changed. Other errors pass through.
 */
export async function withCurrentOnConflict<T>(
  update: Promise<T>,
  present: () => Promise<unknown>,
): Promise<T> {
  try {
    return await update;
  } catch (error) {
    if (error instanceof VersionConflictError) {
      const current = await present().catch(() => undefined);
      error.details = { conflict: { ...error.conflict, current } };
    }
    throw error;
  }
}
