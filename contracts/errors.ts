/**
 * Stable error codes of the API with their default Vietnamese messages.
 * The server maps each code to an HTTP status in one place (server/src/platform/http/app-error.ts);
 * the web switches on the code and shows the message.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CSRF_INVALID: 'CSRF_INVALID',
  FORBIDDEN: 'FORBIDDEN',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  RULE_VIOLATION: 'RULE_VIOLATION',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Default Vietnamese message per code, used when a thrower gives no more specific one. */
export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu nhập chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  UNAUTHENTICATED: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  CSRF_INVALID: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang và thử lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  OUT_OF_SCOPE: 'Dữ liệu này nằm ngoài phạm vi đơn vị bạn được phân quyền.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  CONFLICT: 'Dữ liệu đã thay đổi hoặc đã tồn tại. Vui lòng tải lại và thử lại.',
  VERSION_CONFLICT:
    'Bản ghi đã được người khác sửa sau khi bạn mở ra. Vui lòng tải lại bản mới; nội dung bạn đã nhập vẫn được giữ.',
  IDEMPOTENCY_KEY_REUSED:
    'Yêu cầu này trùng mã chống gửi trùng của một yêu cầu khác với nội dung khác. Vui lòng tải lại trang rồi thử lại.',
  RULE_VIOLATION: 'Đề nghị này trái quy định về thi đua, khen thưởng.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  LOGIN_THROTTLED: 'Đăng nhập sai quá nhiều lần. Vui lòng chờ một lát rồi thử lại.',
  ACCOUNT_DISABLED: 'Tài khoản của bạn đã bị khoá. Vui lòng liên hệ quản trị viên của đơn vị.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu được cấp trước khi tiếp tục làm việc.',
  PAYLOAD_TOO_LARGE: 'Tệp hoặc dữ liệu gửi lên quá lớn.',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  RATE_LIMITED: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  INTERNAL: 'Đã có lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu.',
};
