import type { z } from 'zod';
import { type EligibilityFacts, EligibilityInput } from '#contracts/awards.ts';
import { EligibilityInputError } from './rule-data-error.ts';

const typeNames: Record<string, string> = {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng { … }',
  array: 'danh sách [ … ]',
};

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'danh sách';
  return typeNames[typeof input] ?? typeof input;
}

/** One Vietnamese sentence for a zod issue; the field is named by the caller. */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu trường bắt buộc';
      return `sai kiểu: cần ${typeNames[issue.expected] ?? issue.expected}, nhận được ${describe(issue.input)}`;
    case 'invalid_value': {
      const shown =
        issue.values.length > 8 ? `${issue.values.slice(0, 8).join(', ')}, …` : issue.values.join(', ');
      return `giá trị ${JSON.stringify(issue.input)} không có trong danh mục (${shown})`;
    }
    case 'invalid_union':
      return typeof issue.input === 'string'
        ? `mã "${issue.input}" không có trong danh mục của trường này`
        : 'cần một mã danh mục hoặc { "code": …, "rewardType": … }';
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
    default:
      return 'giá trị không hợp lệ';
  }
}

/** Dotted field name with list positions counted from 1 ("history[1].rating"). */
function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>((name, part) => {
    if (typeof part === 'number') return `${name}[${part + 1}]`;
    return name ? `${name}.${String(part)}` : String(part);
  }, '');
}

/**
 * Parses an eligibility input from JSON text or a value. Throws EligibilityInputError with one
 * Vietnamese line naming the field when it is not valid JSON or does not match the contract.
 */
export function parseEligibilityInput(raw: string | unknown): EligibilityFacts {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const detail = (error as Error).message.match(/position (\d+)/);
      throw new EligibilityInputError(
        `Tệp không phải JSON hợp lệ${detail ? ` (lỗi ở ký tự thứ ${Number(detail[1]) + 1})` : ''}.`,
        '',
      );
    }
  }
  const parsed = EligibilityInput.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const field = fieldName(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      throw new EligibilityInputError(
        `Trường không được phép${field ? ` trong "${field}"` : ''}: ${keys}.`,
        field ? `${field}.${issue.keys[0]}` : (issue.keys[0] ?? ''),
      );
    }
    throw new EligibilityInputError(
      `${field ? `Trường "${field}"` : 'Dữ liệu'}: ${issueMessage(issue)}.`,
      field,
    );
  }
  return parsed.data;
}
