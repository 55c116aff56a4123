import { describe, expect, it } from 'vitest';
import { formatVietnamTime, VersionConflictError, withCurrentOnConflict } from './version-conflict.ts';

describe('VersionConflictError', () => {
  it('names who changed the record and when, in Vietnam time', () => {
    expect(formatVietnamTime(new Date('2026-11-30T03:32:00Z'))).toBe('10:32 30/11/2026');
    const error = new VersionConflictError('Đơn vị này', {
      version: 3,
      updatedAt: '2026-11-30T03:32:00Z',
      updatedBy: 'Nguyễn Văn A',
    });
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Đơn vị này đã được Nguyễn Văn A sửa lúc 10:32 30\/11\/2026/);
    const unknown = new VersionConflictError('Hội đồng này', {
      version: 2,
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: null,
    });
    expect(unknown.message).toContain('đã được người khác sửa lúc 07:00 01/01/2026');
  });

  it('carries the current record once the route adds it, and lets other errors pass', async () => {
    const conflict = new VersionConflictError('Đơn vị này', {
      version: 2,
      updatedAt: '2026-11-30T03:32:00Z',
      updatedBy: null,
    });
    const refused = withCurrentOnConflict(Promise.reject(conflict), async () => ({ id: 'u', version: 2 }));
    await expect(refused).rejects.toBe(conflict);
    expect(conflict.details.conflict?.current).toEqual({ id: 'u', version: 2 });
    const other = new Error('other');
    await expect(withCurrentOnConflict(Promise.reject(other), async () => ({}))).rejects.toBe(other);
  });
});
