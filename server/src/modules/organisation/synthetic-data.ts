import { personSortKey, vietnameseSortKey } from './search/sort-key.ts';

/** The 34 provinces and cities after the 2025 merger; more are numbered. */
export const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Hải Phòng',
  'Ninh Bình',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Hồ Chí Minh',
  'Đồng Nai',
  'Tây Ninh',
  'Cần Thơ',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];

/** Departments and mass organisations every generated province has. */
export const DEPARTMENTS: [string, string, string][] = [
  ['SNV', 'Sở Nội vụ', 'department'],
  ['STC', 'Sở Tài chính', 'department'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'department'],
  ['SYT', 'Sở Y tế', 'department'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'department'],
  ['SXD', 'Sở Xây dựng', 'department'],
  ['SCT', 'Sở Công Thương', 'department'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'department'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'department'],
  ['STP', 'Sở Tư pháp', 'department'],
  ['VP', 'Văn phòng Ủy ban nhân dân', 'agency'],
  ['TTR', 'Thanh tra tỉnh', 'agency'],
  ['LDLD', 'Liên đoàn Lao động', 'mass_organisation'],
  ['TDOAN', 'Tỉnh đoàn', 'mass_organisation'],
  ['HLHPN', 'Hội Liên hiệp Phụ nữ', 'mass_organisation'],
  ['HND', 'Hội Nông dân', 'mass_organisation'],
  ['CAT', 'Công an tỉnh', 'armed_forces'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'armed_forces'],
];

/** Units under each commune, cycled until the requested number of units is reached. */
export const COMMUNE_CHILDREN: [string, string][] = [
  ['Văn phòng HĐND và UBND', 'division'],
  ['Phòng Kinh tế', 'division'],
  ['Phòng Văn hóa – Xã hội', 'division'],
  ['Trạm Y tế', 'public_service'],
  ['Trường Mầm non', 'public_service'],
  ['Trường Tiểu học', 'public_service'],
  ['Trường Trung học cơ sở', 'public_service'],
  ['Trung tâm Phục vụ hành chính công', 'public_service'],
  ['Ban Chỉ huy Quân sự', 'armed_forces'],
  ['Công an', 'armed_forces'],
];

const SYLLABLES = [
  'Bình',
  'Tân',
  'Phú',
  'Mường',
  'Nậm',
  'Sơn',
  'Thanh',
  'Hòa',
  'Long',
  'An',
  'Đông',
  'Hưng',
  'Phong',
  'Thạch',
  'Yên',
  'Lộc',
];

/** A commune's distinct name from its index (two or three syllables). */
export function communeName(index: number): string {
  const n = SYLLABLES.length;
  const parts = [SYLLABLES[index % n], SYLLABLES[Math.floor(index / n) % n]];
  if (index >= n * n) parts.push(SYLLABLES[Math.floor(index / (n * n)) % n]);
  if (index >= n * n * n) parts.push(String(Math.floor(index / (n * n * n))));
  return parts.join(' ');
}

const FAMILIES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Vũ',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Lò',
  'Tẩn',
  'Giàng',
  'Sùng',
  'Vàng',
  'Lù',
  'Hà',
  'Lường',
];
const MIDDLES: [string, 'male' | 'female'][] = [
  ['Văn', 'male'],
  ['Đức', 'male'],
  ['Minh', 'male'],
  ['Quốc', 'male'],
  ['A', 'male'],
  ['Seo', 'male'],
  ['Thị', 'female'],
  ['Thị Thu', 'female'],
  ['Ngọc', 'female'],
  ['Thị Minh', 'female'],
  ['Thu', 'female'],
  ['Thị Thanh', 'female'],
];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Cường',
  'Dung',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Ngọc',
  'Nhung',
  'Páo',
  'Phong',
  'Phương',
  'Quang',
  'Sình',
  'Sơn',
  'Thảo',
  'Thắng',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
  'Chứ',
  'Dế',
];

/** Every generated full name with its gender and sort key (the persons are built from these in SQL). */
export function personNames(): { fullName: string; gender: string; sortKey: string }[] {
  return FAMILIES.flatMap((family) =>
    MIDDLES.flatMap(([middle, gender]) =>
      GIVEN.map((given) => {
        const fullName = `${family} ${middle} ${given}`;
        return { fullName, gender, sortKey: personSortKey(fullName) };
      }),
    ),
  );
}

/** A generated unit before insertion. */
export interface GenUnit {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  shortName: string | null;
  code: string;
  kind: string;
  isCollegial: boolean;
  sortKey: string;
}

/** Builds the national tree: provinces, their departments, communes, and units under the communes. */
export function* generateUnits(options: {
  provinces: number;
  communes: number;
  units: number;
}): Generator<GenUnit> {
  const make = (
    parent: GenUnit | null,
    code: string,
    name: string,
    kind: string,
    shortName: string | null,
    isCollegial = false,
  ): GenUnit => {
    const id = crypto.randomUUID();
    return {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      name,
      shortName,
      code,
      kind,
      isCollegial,
      sortKey: vietnameseSortKey(name),
    };
  };
  const fixed = options.provinces * (1 + DEPARTMENTS.length) + options.communes;
  const perCommune = Math.max(0, Math.ceil((options.units - fixed) / Math.max(1, options.communes)));
  let produced = 0;
  let commune = 0;
  for (let p = 0; p < options.provinces; p++) {
    const label = PROVINCES[p] ?? `số ${p + 1}`;
    const pCode = `P${String(p + 1).padStart(2, '0')}`;
    const province = make(null, pCode, `Ủy ban nhân dân tỉnh ${label}`, 'province', 'UBND', true);
    yield province;
    produced++;
    for (const [code, name, kind] of DEPARTMENTS) {
      yield make(province, `${pCode}.${code}`, `${name} ${label}`, kind, code);
      produced++;
    }
    const communesHere =
      Math.floor(options.communes / options.provinces) + (p < options.communes % options.provinces ? 1 : 0);
    for (let c = 0; c < communesHere; c++, commune++) {
      const cCode = `${pCode}.X${String(c + 1).padStart(4, '0')}`;
      const name = communeName(commune);
      const unit = make(province, cCode, `Ủy ban nhân dân xã ${name}`, 'commune', 'UBND', true);
      yield unit;
      produced++;
      for (let k = 0; k < perCommune && produced < options.units; k++, produced++) {
        const [childName, kind] = COMMUNE_CHILDREN[k % COMMUNE_CHILDREN.length] as [string, string];
        const suffix =
          k >= COMMUNE_CHILDREN.length ? ` số ${Math.floor(k / COMMUNE_CHILDREN.length) + 1}` : '';
        yield make(unit, `${cCode}.${k + 1}`, `${childName} xã ${name}${suffix}`, kind, null);
      }
    }
  }
}
