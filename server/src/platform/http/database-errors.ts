import type { FieldError } from '#contracts/common.ts';
import { AppError } from './app-error.ts';

/** The fields of a driver error the mapping reads (pg's DatabaseError and PGlite's carry them alike). */
interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  detail?: unknown;
  cause?: unknown;
}

/**
 * The database error inside an error, on either engine: drizzle wraps the driver's error in a
 * DrizzleQueryError with `.cause`; pg and PGlite errors carry the five-character SQLSTATE in `.code`.
 */
export function findDatabaseError(error: unknown): DriverError | null {
  let current = error as DriverError | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth += 1) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current;
    current = current.cause as DriverError | undefined;
  }
  return null;
}

/** Field errors for the unique rules a user can break, by constraint name. */
const uniqueFields: Record<string, FieldError> = {
  users_username_key: { path: 'username', message: 'Tên đăng nhập đã được sử dụng' },
  units_code_key: { path: 'code', message: 'Mã đơn vị đã được sử dụng' },
  persons_id_number_key: { path: 'idNumber', message: 'Số định danh đã có trong hệ thống' },
  persons_user_key: { path: 'userId', message: 'Tài khoản đã gắn với một cán bộ khác' },
  persons_identity_key: { path: 'fullName', message: 'Đơn vị đã có người cùng họ tên và ngày sinh' },
  councils_unit_key: { path: 'unitId', message: 'Đơn vị đã có hội đồng thi đua – khen thưởng' },
  blocs_council_year_name_key: { path: 'name', message: 'Năm này đã có khối/cụm cùng tên' },
  council_members_person_term_key: { path: 'personId', message: 'Người này đã là thành viên trong nhiệm kỳ' },
};

/** Messages of the refusals only the database caught: a request that gets one slipped past its contract. */
export const DATABASE_REFUSAL_MESSAGES = {
  tooLarge: 'Dữ liệu nhập quá dài hoặc quá lớn để lưu.',
  badData: 'Dữ liệu nhập chưa hợp lệ (ngày, số hoặc ký tự không dùng được).',
} as const;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Maps a database refusal to the answer the user should get, or null for a real failure (a 500):
 * a unique violation is 409 (two people saving the same thing at once), a row still referenced is 409,
 * and data the database cannot take (bad text, date or number, too long, too large) is 400 — the
 * contracts should have refused it first, so this is the safety net, never the rule.
 */
export function mapDatabaseError(error: unknown): AppError | null {
  if (error instanceof AppError) return null;
  const found = findDatabaseError(error);
  if (!found) return null;
  const code = found.code as string;
  if (code === '23505') {
    const field = uniqueFields[text(found.constraint)];
    return new AppError(
      'CONFLICT',
      'Dữ liệu này đã tồn tại (trùng với dữ liệu vừa được lưu). Vui lòng tải lại và kiểm tra.',
      field ? [field] : undefined,
    );
  }
  if (code === '23503') {
    const stillReferenced = /still referenced/.test(`${text(found.message)} ${text(found.detail)}`);
    return stillReferenced
      ? new AppError('CONFLICT', 'Không thể xóa hoặc thay đổi: vẫn còn dữ liệu khác gắn với bản ghi này.')
      : new AppError('VALIDATION_FAILED', 'Dữ liệu liên quan không tồn tại hoặc vừa bị xóa.');
  }
  if (code === '23P01' || code === '40001' || code === '40P01') {
    return new AppError('CONFLICT', 'Dữ liệu đang được người khác thay đổi cùng lúc. Vui lòng thử lại.');
  }
  if (code === '22001' || code === '54000') {
    return new AppError('VALIDATION_FAILED', DATABASE_REFUSAL_MESSAGES.tooLarge);
  }
  // Class 22 (data exception: text, date, number, escape) and 23 (other integrity rules).
  if (code.startsWith('22') || code.startsWith('23')) {
    return new AppError(
      'VALIDATION_FAILED',
      'Dữ liệu nhập chưa hợp lệ (ngày, số hoặc ký tự không dùng được).',
    );
  }
  return null;
}
