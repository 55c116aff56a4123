import { Writable } from 'node:stream';
import Fastify, { LogController } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '#server/platform/http/app-error.ts';
import { registerErrorHandler } from '#server/platform/http/error-handler.ts';
import { sendXlsxStream, streamXlsx } from './spreadsheet.ts';

/** Batches of rows; the batch numbered `failAt` (0-based) throws instead. */
async function* batches(count: number, failAt: number | null) {
  for (let index = 0; index < count; index += 1) {
    if (index === failAt) throw new AppError('VALIDATION_FAILED', 'Bộ lọc không hợp lệ.');
    yield Array.from({ length: 2000 }, (_, row) => [`Người ${index}-${row}`, 'x'.repeat(50)]);
  }
}

const logged: { level: number; msg: string }[] = [];
// As in production: per-request log lines off, so only the export's own line can appear.
const app = Fastify({
  logController: new LogController({ disableRequestLogging: true }),
  logger: {
    level: 'warn',
    stream: new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  },
});
registerErrorHandler(app, { webIndex: null });
app.get<{ Querystring: { failAt?: string } }>('/export', async (request, reply) => {
  const failAt = request.query.failAt === undefined ? null : Number(request.query.failAt);
  const stream = await streamXlsx('Danh sách', ['Họ và tên', 'Ghi chú'], batches(5, failAt), (row) => row);
  return sendXlsxStream(request, reply, stream, 'danh-sach.xlsx');
});
afterAll(() => app.close());

describe('streamXlsx', () => {
  it('sends a whole workbook when every batch comes', async () => {
    const response = await app.inject({ method: 'GET', url: '/export' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('fails before the 200 header when the first batch cannot be read: an error reply, not a cut file', async () => {
    const response = await app.inject({ method: 'GET', url: '/export?failAt=0' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Bộ lọc không hợp lệ.' });
  });

  it('aborts the connection when a later batch fails, logs it once, and keeps serving', async () => {
    logged.length = 0;
    await expect(app.inject({ method: 'GET', url: '/export?failAt=3' })).rejects.toThrow(
      /destroyed|aborted|closed/i,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const errors = logged.filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/export' })).statusCode).toBe(200);
  });
});
