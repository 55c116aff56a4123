import { describe, expect, it } from 'vitest';
import { readLabel } from './numbering.ts';
import { normaliseAuthority } from './signature.parser.ts';

const kindOf = (text: string) => readLabel(text)?.kind ?? null;
const labelOf = (text: string) => readLabel(text)?.label ?? null;

describe('numbering labels', () => {
  it('recognises every numbering style', () => {
    expect([
      kindOf('I. MỤC ĐÍCH'),
      kindOf('IV- TIẾN ĐỘ'),
      kindOf('2. Yêu cầu'),
      kindOf('1- Mục đích'),
    ]).toEqual(['roman', 'roman', 'arabic', 'arabic']);
    expect([
      kindOf('1.1. Đối với'),
      kindOf('2.1.3. Nội dung'),
      kindOf('a) Tập thể'),
      kindOf('đ) Tăng cường'),
    ]).toEqual(['decimal-2', 'decimal-3', 'letter', 'letter']);
    expect([
      kindOf('- Tập thể'),
      kindOf('+ Niêm yết'),
      kindOf('- + Thường xuyên'),
      kindOf('Điều 1. Tặng'),
    ]).toEqual(['dash', 'plus', 'plus', 'article']);
    expect(labelOf('Một là, Thi đua hoàn thành')).toBe('Một là,');
    expect(labelOf('Hai là: Thi đua')).toBe('Hai là:');
  });
  it('leaves ordinary sentences and dates unlabelled', () => {
    expect(readLabel('Năm 2019: Tổ chức phát động')).toBeNull();
    expect(readLabel('Căn cứ Quyết định số 733/QĐ-TTg')).toBeNull();
    expect(readLabel('V/v phát động phong trào')).toBeNull();
    expect(readLabel('Ba lần liên tục')).toBeNull();
  });
  it('repairs OCR damage in authority lines', () => {
    expect(normaliseAuthority('TM, LÝ BAN NHÂN DÂN')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(normaliseAuthority('kt: chủ tịch')).toBe('KT. CHỦ TỊCH');
  });
});
