import { describe, expect, it } from 'vitest';
import { personSortKey, vietnameseSortKey } from './sort-key.ts';

const collator = new Intl.Collator('vi');
const byKey = (key: (text: string) => string) => (a: string, b: string) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

describe('vietnameseSortKey', () => {
  it('orders letters, vowels with marks and tones as Intl.Collator("vi") does', () => {
    const words = [
      'ư',
      'u',
      'ă',
      'a',
      'â',
      'b',
      'đ',
      'd',
      'á',
      'à',
      'ả',
      'ã',
      'ạ',
      'ơ',
      'ô',
      'o',
      'ê',
      'e',
      'Ạ',
    ];
    const expected = [...words].sort(collator.compare);
    expect([...words].sort(byKey(vietnameseSortKey))).toEqual(expected);
  });

  it('orders unit names word by word and ignores case', () => {
    const names = [
      'Sở Nội vụ',
      'Sở Tài chính',
      'Sở Giáo dục và Đào tạo',
      'Sở Y tế',
      'sở y tế',
      'Ủy ban nhân dân tỉnh Lai Châu',
      'Liên đoàn Lao động tỉnh',
      'Tỉnh đoàn',
      'Thành phố Lai Châu',
      'Tam Đường',
      'Tân Uyên',
      'Than Uyên',
      'Đoàn Thanh niên',
      'Đảng ủy',
      'Dân tộc',
      'An Bình',
      'Anh Sơn',
      'Xã 2',
      'Xã 10',
    ];
    const sorted = [...names].sort(byKey(vietnameseSortKey));
    expect(sorted).toEqual([...names].sort(collator.compare));
  });
});

describe('personSortKey', () => {
  it('orders people by given name, then family and middle names', () => {
    const people = ['Nguyễn Văn Bình', 'Trần Thị An', 'Lò Văn An', 'Giàng A Páo', 'Đỗ Ánh'];
    expect([...people].sort(byKey(personSortKey))).toEqual([
      'Lò Văn An',
      'Trần Thị An',
      'Đỗ Ánh',
      'Nguyễn Văn Bình',
      'Giàng A Páo',
    ]);
  });
});
