import { z } from 'zod';

/** Vietnamese names of the value kinds a field may expect, for "Phải là …" messages. */
const expectedKinds: Record<string, string> = {
  string: 'Phải là văn bản',
  number: 'Phải là một số',
  int: 'Phải là một số nguyên',
  bigint: 'Phải là một số nguyên',
  boolean: 'Phải là Có hoặc Không',
  array: 'Phải là một danh sách',
  object: 'Dữ liệu không đúng cấu trúc',
  date: 'Phải là một ngày',
};

/** What a numeric or length bound reads like in Vietnamese. */
function boundMessage(kind: 'max' | 'min', origin: string, bound: unknown, inclusive: boolean): string {
  const value = String(bound);
  if (origin === 'string') return kind === 'max' ? `Tối đa ${value} ký tự` : `Tối thiểu ${value} ký tự`;
  if (origin === 'array' || origin === 'set') {
    return kind === 'max' ? `Tối đa ${value} mục` : `Cần ít nhất ${value} mục`;
  }
  if (kind === 'max') return inclusive ? `Không được lớn hơn ${value}` : `Phải nhỏ hơn ${value}`;
  return inclusive ? `Không được nhỏ hơn ${value}` : `Phải lớn hơn ${value}`;
}

/**
 * Vietnamese message for every kind of validation issue, so that no field error ever shows an English
 * word or a type name ("string", "number"). A message given by the schema itself still wins.
 */
export function vietnameseIssueMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return 'Trường này là bắt buộc';
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === null) return 'Không được để trống';
      return expectedKinds[issue.expected] ?? 'Giá trị không đúng kiểu dữ liệu';
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách cho phép';
    case 'too_big':
      return boundMessage('max', issue.origin, issue.maximum, issue.inclusive ?? true);
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Không được để trống';
      return boundMessage('min', issue.origin, issue.minimum, issue.inclusive ?? true);
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format.startsWith('uuid') || issue.format === 'guid') {
        return 'Mã không hợp lệ';
      }
      if (issue.format === 'email') return 'Địa chỉ thư điện tử không hợp lệ';
      if (issue.format === 'date' || issue.format === 'datetime') return 'Ngày không hợp lệ';
      return 'Không đúng định dạng';
    case 'not_multiple_of':
      return 'Giá trị không hợp lệ';
    case 'unrecognized_keys':
      return 'Có trường không được phép';
    case 'invalid_union':
      return 'Dữ liệu không hợp lệ';
    default:
      return 'Giá trị không hợp lệ';
  }
}

/** Installs the Vietnamese messages for every zod schema of the process (server and web). */
export function installVietnameseValidationMessages(): void {
  z.config({ customError: vietnameseIssueMessage });
}
