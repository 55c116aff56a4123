import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditQuery } from './audit.ts';
import { Code, endNotBeforeStart, IsoDate, isCalendarDate, MultilineText, Text } from './common.ts';
import { UpdateMovementBody } from './movements.ts';
import { CouncilMemberBody, CreateUnitBody, UpdateUnitBody } from './organisation.ts';
import { installVietnameseValidationMessages } from './validation-messages.ts';

installVietnameseValidationMessages();

/** English words a field error must never show (zod's defaults and type names). */
const english = /\b(string|number|int|boolean|array|object|expected|received|invalid|input|uuid|email)\b/i;

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('Text', () => {
  it('trims and keeps Vietnamese letters, emoji and punctuation', () => {
    expect(Text(100).parse('  Nguyễn Thị Ánh – “Sở” 😀 ')).toBe('Nguyễn Thị Ánh – “Sở” 😀');
  });

  it('refuses every C0 and C1 control character, NUL included, with a Vietnamese message', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, code) => code),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    ];
    for (const code of controls) {
      const value = `a${String.fromCharCode(code)}b`;
      expect(messageOf(Text(100), value), `U+${code.toString(16)}`).toBe('Không được chứa ký tự điều khiển');
    }
  });

  it('refuses half of a surrogate pair', () => {
    expect(messageOf(Text(100), 'a\ud800b')).toBe('Có ký tự không hợp lệ (lỗi mã hóa)');
    expect(messageOf(Text(100), '\udc00')).toBe('Có ký tự không hợp lệ (lỗi mã hóa)');
  });

  it('says the limit in plain Vietnamese', () => {
    expect(messageOf(Text(500), 'a'.repeat(501))).toBe('Tối đa 500 ký tự');
  });
});

describe('MultilineText and Code', () => {
  it('allows line feeds and tabs in several lines, nothing else', () => {
    expect(MultilineText(100).parse('Dòng 1\n\tDòng 2')).toBe('Dòng 1\n\tDòng 2');
    expect(messageOf(MultilineText(100), 'Dòng 1\r\nDòng 2')).toBe('Không được chứa ký tự điều khiển');
    expect(messageOf(MultilineText(100), 'a\u0000')).toBe('Không được chứa ký tự điều khiển');
  });

  it('matches a code after trimming, with its own message', () => {
    const code = Code(/^[A-Z]{2}$/, 'Mã gồm hai chữ in hoa');
    expect(code.parse(' AB ')).toBe('AB');
    expect(messageOf(code, 'A\u0000')).toBe('Mã gồm hai chữ in hoa');
  });
});

describe('IsoDate', () => {
  it('accepts real days, 29 February of a leap year included', () => {
    for (const day of ['2024-02-29', '2026-12-31', '1900-01-01', '2999-12-31'])
      expect(IsoDate.parse(day)).toBe(day);
  });

  it('refuses days that are not on the calendar, with a Vietnamese message', () => {
    for (const day of [
      '2026-02-30',
      '2026-13-01',
      '2025-02-29',
      '2026-04-31',
      '2026-00-10',
      '0000-01-01',
      '1899-12-31',
    ]) {
      expect(isCalendarDate(day), day).toBe(false);
      expect(messageOf(IsoDate, day), day).toMatch(/^Ngày không có trên lịch/);
    }
    expect(messageOf(IsoDate, '30/02/2026')).toMatch(/^Ngày không hợp lệ/);
  });
});

describe('start and end pairs', () => {
  it('puts the error on the end field when the end comes first', () => {
    const issues = CreateUnitBody.safeParse({
      name: 'Sở A',
      code: 'SA',
      validFrom: '2026-05-01',
      validTo: '2026-04-30',
    }).error?.issues;
    expect(issues).toEqual([
      expect.objectContaining({ path: ['validTo'], message: expect.stringMatching(/không được trước/) }),
    ]);
    expect(
      UpdateUnitBody.safeParse({ version: 1, validFrom: '2026-05-01', validTo: '2026-05-01' }).success,
    ).toBe(true);
    expect(UpdateUnitBody.safeParse({ version: 1, validTo: '2020-01-01' }).success).toBe(true);
  });

  it('checks council terms, movement periods and audit filters the same way', () => {
    const term = {
      personId: crypto.randomUUID(),
      role: 'member',
      termFrom: '2026-01-01',
      termTo: '2025-12-31',
    };
    expect(CouncilMemberBody.safeParse(term).error?.issues[0]?.path).toEqual(['termTo']);
    expect(
      UpdateMovementBody.safeParse({ version: 1, periodFrom: 2025, periodTo: 2024 }).error?.issues[0]?.path,
    ).toEqual(['periodTo']);
    expect(AuditQuery.safeParse({ from: '2026-02-01', to: '2026-01-31' }).error?.issues[0]?.path).toEqual([
      'to',
    ]);
  });

  it('leaves a pair alone when either side is missing', () => {
    const schema = z
      .object({ a: z.number().nullable(), b: z.number().nullable() })
      .superRefine(endNotBeforeStart('a', 'b', 'sai'));
    expect(schema.safeParse({ a: 5, b: null }).success).toBe(true);
    expect(schema.safeParse({ a: 5, b: 4 }).error?.issues[0]?.message).toBe('sai');
  });
});

describe('Vietnamese validation messages', () => {
  it('never shows an English word or a type name', () => {
    const schema = z.object({
      count: z.number().int().min(1).max(10),
      name: z.string().min(2).max(5),
      kind: z.enum(['a', 'b']),
      list: z.array(z.string()).max(1),
      id: z.string().uuid(),
      email: z.email(),
      flag: z.boolean(),
    });
    const cases = [
      { count: 'x' },
      { count: 1.5 },
      { count: 0 },
      { count: 11 },
      { name: 'a' },
      { name: 'abcdef' },
      { kind: 'c' },
      { list: ['a', 'b'] },
      { id: 'x' },
      { email: 'x' },
      { flag: 'yes' },
      {},
      null,
    ];
    for (const value of cases) {
      for (const issue of schema.safeParse(value).error?.issues ?? []) {
        expect(issue.message, JSON.stringify(value)).not.toMatch(english);
      }
    }
    expect(messageOf(schema.shape.name, 'abcdef')).toBe('Tối đa 5 ký tự');
    expect(messageOf(schema.shape.count, 'x')).toBe('Phải là một số');
    expect(messageOf(schema.shape.id, 'x')).toBe('Mã không hợp lệ');
    expect(messageOf(schema, {})).toBe('Trường này là bắt buộc');
  });
});
