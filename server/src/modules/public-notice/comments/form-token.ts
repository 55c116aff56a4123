import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The anonymous form's protection in place of a session's CSRF token: a token signed with the
 * server's secret (the session secret, so every process checks it) naming the notice, the time the
 * form was served and a random nonce. A form sent sooner than MIN_FILL_MS after it was served (a
 * robot), later than MAX_AGE_MS, for another notice, or with a forged token is refused.
 */
export const MIN_FILL_MS = 2_000;
export const MAX_AGE_MS = 24 * 3_600_000;

type Signer = Pick<FastifyInstance, 'signCookie' | 'unsignCookie'>;

/** A token for the form of a notice, as served at `issuedAt` (milliseconds). */
export function signCommentToken(app: Signer, noticeId: string, issuedAt = Date.now()): string {
  return app.signCookie(`${noticeId}.${issuedAt}.${randomUUID()}`);
}

/** Why a token is refused (Vietnamese), or its nonce. */
export function checkCommentToken(
  app: Signer,
  token: unknown,
  noticeId: string,
  now = Date.now(),
): { ok: true; nonce: string } | { ok: false; message: string } {
  const expired = {
    ok: false as const,
    message: 'Biểu mẫu đã quá hạn hoặc không hợp lệ. Vui lòng gửi lại; nội dung bạn đã nhập vẫn được giữ.',
  };
  if (typeof token !== 'string' || token.length > 300) return expired;
  const unsigned = app.unsignCookie(token);
  if (!unsigned.valid || !unsigned.value) return expired;
  const [id, issued, nonce] = unsigned.value.split('.');
  const issuedAt = Number(issued);
  if (id !== noticeId || !nonce || !Number.isFinite(issuedAt) || now - issuedAt > MAX_AGE_MS) return expired;
  if (now - issuedAt < MIN_FILL_MS)
    return { ok: false, message: 'Vui lòng đọc lại ý kiến trong giây lát rồi bấm gửi.' };
  return { ok: true, nonce };
}

/** The address as stored for the rate limit: a keyed hash, never the address itself. */
export const addressHashOf = (app: Signer, ip: string) =>
  createHash('sha256')
    .update(app.signCookie(`address:${ip}`))
    .digest('hex');

/** One key per form sent: a second send of the same form (same nonce and text) stores nothing more. */
export const formNonceOf = (nonce: string, authorName: string, body: string) =>
  createHash('sha256').update(`${nonce}\n${authorName}\n${body}`).digest('hex');
