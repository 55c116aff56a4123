/**
 * Facts a reader of each fixture would write down (header, basis, body shape, signature,
 * recipients, attachments), written by hand and independent of the engine; `measureFacts` scores a
 * parse against them. The same scorer reads older models (missing fields count as wrong).
 */
export interface FixtureFacts {
  kind: string;
  type: string | null;
  issuer: string | null;
  parent: string | null;
  number: string | null;
  place: string | null;
  date: string | null;
  title: string;
  authority: string | null;
  addressees: number;
  basis: number;
  refs: string[];
  preamble: number;
  enacting: string | null;
  sections: string[];
  articles: number;
  signature: { authority: string[]; title: string | null; name: string | null };
  recipients: number;
  movement: string | null;
  period: [number, number] | null;
  attachments: { label: string | null; kind: string | null; title: string | null }[];
}

const thanhLam = 'ỦY BAN NHÂN DÂN TỈNH THANH LÂM';

/** Facts of the fixtures added for issues 16 and 17, by file name. */
export const fixtureFacts: Record<string, FixtureFacts> = {
  'ke-hoach-ngat-dong.txt': {
    kind: 'KẾ HOẠCH',
    type: 'plan',
    issuer: thanhLam,
    parent: null,
    number: '214/KH-UBND',
    place: 'Thanh Lâm',
    date: '2025-11-18',
    title:
      'Tổ chức phong trào thi đua “Thanh Lâm chung sức xây dựng nông thôn mới hiện đại, đô thị văn minh” (2026 – 2030)',
    authority: null,
    addressees: 0,
    basis: 1,
    refs: ['41/CT-TTg', '1205/KH-BNV', '08/HD-BTĐKT', '512/TB-VPCP', '15/NQ-HĐND'],
    preamble: 0,
    enacting: null,
    sections: ['I.', 'II.', 'III.', 'IV.'],
    articles: 0,
    signature: {
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH THƯỜNG TRỰC',
      name: 'Nguyễn Thị Thu Hà',
    },
    recipients: 6,
    movement: 'Thanh Lâm chung sức xây dựng nông thôn mới hiện đại, đô thị văn minh',
    period: [2026, 2030],
    attachments: [],
  },
  'quyet-dinh-ban-hanh-quy-che.txt': {
    kind: 'QUYẾT ĐỊNH',
    type: 'decision',
    issuer: thanhLam,
    parent: null,
    number: '45/2025/QĐ-UBND',
    place: 'Thanh Lâm',
    date: '2025-11-24',
    title: 'Ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh Thanh Lâm',
    authority: thanhLam,
    addressees: 0,
    basis: 6,
    refs: ['72/2025/QH15', '64/2025/QH15', '06/2022/QH15', '152/2025/NĐ-CP', '15/2025/TT-BNV', '388/TTr-SNV'],
    preamble: 0,
    enacting: 'QUYẾT ĐỊNH:',
    sections: ['Điều 1.', 'Điều 2.', 'Điều 3.'],
    articles: 3,
    signature: {
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH',
      name: 'Trần Quốc Việt',
    },
    recipients: 7,
    movement: null,
    period: null,
    attachments: [
      { label: null, kind: 'QUY CHẾ', title: 'Công tác thi đua, khen thưởng trên địa bàn tỉnh Thanh Lâm' },
    ],
  },
  'quyet-dinh-kem-mau.txt': {
    kind: 'QUYẾT ĐỊNH',
    type: 'decision',
    issuer: 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP',
    parent: null,
    number: '318/QĐ-UBND',
    place: 'Tân Lập',
    date: '2025-12-03',
    title:
      'Về việc phát động phong trào thi đua “Tân Lập đoàn kết, đổi mới, phát triển” năm 2026 và ban hành mẫu hồ sơ thi đua, khen thưởng',
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP',
    addressees: 0,
    basis: 4,
    refs: ['152/2025/NĐ-CP', '45/2025/QĐ-UBND'],
    preamble: 0,
    enacting: 'QUYẾT ĐỊNH:',
    sections: ['Điều 1.', 'Điều 2.', 'Điều 3.'],
    articles: 3,
    signature: { authority: ['KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn Bình' },
    recipients: 4,
    movement: 'Tân Lập đoàn kết, đổi mới, phát triển',
    period: null,
    attachments: [
      { label: 'Mẫu số 01', kind: 'BẢN ĐĂNG KÝ THI ĐUA', title: 'Năm 20…' },
      { label: 'Mẫu số 02', kind: 'BIÊN BẢN', title: 'Họp xét thi đua, khen thưởng năm 20…' },
      { label: 'Mẫu số 03', kind: 'GIẤY BIÊN NHẬN', title: 'Hồ sơ đề nghị khen thưởng' },
    ],
  },
  'nghi-quyet-hdnd.txt': {
    kind: 'NGHỊ QUYẾT',
    type: 'resolution',
    issuer: 'HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI VÂN',
    parent: null,
    number: '27/2025/NQ-HĐND',
    place: 'Hải Vân',
    date: '2025-12-10',
    title:
      'Quy định nội dung chi, mức chi bảo đảm cho công tác thi đua, khen thưởng trên địa bàn thành phố Hải Vân',
    authority: 'HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI VÂN KHÓA XVI, KỲ HỌP THỨ HAI MƯƠI LĂM',
    addressees: 0,
    basis: 4,
    refs: [
      '72/2025/QH15',
      '83/2015/QH13',
      '06/2022/QH15',
      '152/2025/NĐ-CP',
      '28/2025/TT-BTC',
      '402/TTr-UBND',
      '95/BC-BKTNS',
    ],
    preamble: 0,
    enacting:
      'Hội đồng nhân dân thành phố ban hành Nghị quyết quy định nội dung chi, mức chi bảo đảm cho công tác thi đua, khen thưởng trên địa bàn thành phố Hải Vân.',
    sections: ['Điều 1.', 'Điều 2.', 'Điều 3.', 'Điều 4.'],
    articles: 4,
    signature: { authority: [], title: 'CHỦ TỊCH', name: 'Phạm Minh Tuấn' },
    recipients: 7,
    movement: null,
    period: null,
    attachments: [],
  },
  'cong-dien-thu-tuong.txt': {
    kind: 'CÔNG ĐIỆN',
    type: 'telegram',
    issuer: 'THỦ TƯỚNG CHÍNH PHỦ',
    parent: null,
    number: '118/CĐ-TTg',
    place: 'Hà Nội',
    date: '2025-11-20',
    title:
      'Về việc kịp thời khen thưởng tập thể, cá nhân có thành tích xuất sắc trong ứng phó, khắc phục hậu quả mưa lũ tại các tỉnh miền Trung',
    authority: 'THỦ TƯỚNG CHÍNH PHỦ',
    addressees: 3,
    basis: 0,
    refs: [],
    preamble: 2,
    enacting: null,
    sections: ['1.', '2.', '3.', '4.'],
    articles: 0,
    signature: { authority: ['KT. THỦ TƯỚNG'], title: 'PHÓ THỦ TƯỚNG', name: 'Lê Thành Nam' },
    recipients: 6,
    movement: null,
    period: null,
    attachments: [],
  },
  'ke-hoach-nhieu-doan-mo-dau.txt': {
    kind: 'KẾ HOẠCH',
    type: 'plan',
    issuer: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    parent: thanhLam,
    number: '3120/KH-SGDĐT',
    place: 'Thanh Lâm',
    date: '2025-12-02',
    title: 'Triển khai phong trào thi đua “Đổi mới, sáng tạo trong dạy và học” từ nay đến năm 2030',
    authority: null,
    addressees: 0,
    basis: 1,
    refs: ['214/KH-UBND'],
    preamble: 3,
    enacting: null,
    sections: ['I.', 'II.', 'III.', 'IV.'],
    articles: 0,
    signature: { authority: [], title: 'GIÁM ĐỐC', name: 'Hoàng Thị Minh Châu' },
    recipients: 5,
    movement: 'Đổi mới, sáng tạo trong dạy và học',
    period: [2025, 2030],
    attachments: [],
  },
  'quyet-dinh-bo-noi-vu.txt': {
    kind: 'QUYẾT ĐỊNH',
    type: 'decision',
    issuer: 'BỘ NỘI VỤ',
    parent: null,
    number: '2150/QĐ-BNV',
    place: 'Hà Nội',
    date: '2025-11-28',
    title:
      'Về việc ban hành Kế hoạch tổ chức phong trào thi đua “Cán bộ, công chức, viên chức ngành Nội vụ thi đua thực hiện chuyển đổi số” giai đoạn 2026-2030',
    authority: 'BỘ TRƯỞNG BỘ NỘI VỤ',
    addressees: 0,
    basis: 7,
    refs: [
      '06/2022/QH15',
      '25/2025/NĐ-CP',
      '152/2025/NĐ-CP',
      '15/2025/TT-BNV',
      '41/CT-TTg',
      '512/TB-VPCP',
      '1690/QĐ-BNV',
    ],
    preamble: 0,
    enacting: 'QUYẾT ĐỊNH:',
    sections: ['Điều 1.', 'Điều 2.', 'Điều 3.'],
    articles: 3,
    signature: { authority: ['KT. BỘ TRƯỞNG'], title: 'THỨ TRƯỞNG', name: 'Vũ Đức Long' },
    recipients: 6,
    movement: 'Cán bộ, công chức, viên chức ngành Nội vụ thi đua thực hiện chuyển đổi số',
    period: [2026, 2030],
    attachments: [
      {
        label: null,
        kind: 'KẾ HOẠCH',
        title:
          'Tổ chức phong trào thi đua “Cán bộ, công chức, viên chức ngành Nội vụ thi đua thực hiện chuyển đổi số” giai đoạn 2026-2030',
      },
    ],
  },
  'ke-hoach-phu-luc-bang.md': {
    kind: 'KẾ HOẠCH',
    type: 'plan',
    issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG AN PHÚ',
    parent: null,
    number: '86/KH-UBND',
    place: 'An Phú',
    date: '2025-12-05',
    title: 'Tổ chức phong trào thi đua “An Phú xây dựng khu phố văn minh, học tập suốt đời”',
    authority: null,
    addressees: 0,
    basis: 1,
    refs: ['214/KH-UBND'],
    preamble: 0,
    enacting: null,
    sections: ['I.', 'II.', 'III.', 'IV.'],
    articles: 0,
    signature: { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Đặng Văn Hùng' },
    recipients: 4,
    movement: 'An Phú xây dựng khu phố văn minh, học tập suốt đời',
    period: [2026, 2030],
    attachments: [{ label: 'PHỤ LỤC', kind: null, title: 'TIẾN ĐỘ TRIỂN KHAI PHONG TRÀO THI ĐUA' }],
  },
};

/** One scored fact: its name, what the fixture says, what the parse gave. */
export interface FactResult {
  fact: string;
  expected: unknown;
  actual: unknown;
  isRight: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: the scorer also reads models of older engine versions.
type AnyDocument = any;

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** Scores a parsed document against a fixture's facts, one result per fact. */
export function measureFacts(doc: AnyDocument, facts: FixtureFacts): FactResult[] {
  const results: FactResult[] = [];
  const add = (fact: string, expected: unknown, actual: unknown) =>
    results.push({ fact, expected, actual, isRight: same(expected, actual ?? null) });
  add('kind', facts.kind, doc.kind);
  add('type', facts.type, doc.type);
  add('issuer', facts.issuer, doc.issuer?.name);
  add('parent', facts.parent, doc.issuer?.parent);
  add('number', facts.number, doc.number);
  add('place', facts.place, doc.place);
  add('date', facts.date, doc.date);
  add('title', facts.title, doc.title);
  add('authority', facts.authority, doc.authority);
  add('addressees', facts.addressees, doc.addressees?.length);
  add('basis', facts.basis, doc.legalBasis?.length);
  const refs = new Set(
    (doc.legalBasis ?? []).flatMap((basis: AnyDocument) => basis.refs.map((ref: AnyDocument) => ref.number)),
  );
  for (const ref of facts.refs) add(`ref ${ref}`, true, refs.has(ref));
  add('preamble', facts.preamble, doc.preamble?.length);
  add('enacting', facts.enacting, doc.enacting);
  add(
    'sections',
    facts.sections,
    (doc.sections ?? []).map((node: AnyDocument) => node.label),
  );
  add('articles', facts.articles, doc.articles?.length);
  add('signature authority', facts.signature.authority, doc.signature?.authority);
  add('signature title', facts.signature.title, doc.signature?.title);
  add('signature name', facts.signature.name, doc.signature?.name);
  add('recipients', facts.recipients, doc.recipients?.length);
  add('movement', facts.movement, doc.movement?.name);
  const period = doc.movement?.periodFrom != null ? [doc.movement.periodFrom, doc.movement.periodTo] : null;
  add('period', facts.period, period);
  add('attachments', facts.attachments.length, doc.attachments?.length ?? 0);
  facts.attachments.forEach((attachment, index) => {
    const actual = doc.attachments?.[index];
    add(`attachment ${index + 1} label`, attachment.label, actual?.label);
    add(`attachment ${index + 1} kind`, attachment.kind, actual?.kind);
    add(`attachment ${index + 1} title`, attachment.title, actual?.title);
  });
  add('unclassified', 0, doc.unclassified?.length);
  return results;
}
