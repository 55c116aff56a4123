import { z } from 'zod';
import type { AwardCode, AwardSubject, RewardType, StatisticsColumn } from './awards.ts';

/**
 * The award catalogue: every title and form with its Vietnamese name, who may receive it, the
 * reward types it may be given under and the MoHA statistics column it counts in. What depends on
 * the law in force (who decides, cash, dossier, vote, posting, criteria) lives in the rule sets.
 */

/** Families of awards, in the order of the Law (titles first, then forms from the highest). */
export const AwardFamily = z.enum([
  'individual_title',
  'collective_title',
  'household_title',
  'order',
  'medal',
  'state_honour',
  'prize',
  'badge',
  'certificate_of_merit',
  'commendation',
]);
export type AwardFamily = z.infer<typeof AwardFamily>;
export const awardFamilyLabels: Record<AwardFamily, string> = {
  individual_title: 'Danh hiệu thi đua cá nhân',
  collective_title: 'Danh hiệu thi đua tập thể',
  household_title: 'Danh hiệu thi đua hộ gia đình',
  order: 'Huân chương',
  medal: 'Huy chương',
  state_honour: 'Danh hiệu vinh dự nhà nước',
  prize: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước',
  badge: 'Kỷ niệm chương',
  certificate_of_merit: 'Bằng khen',
  commendation: 'Giấy khen',
};

export interface CatalogueEntry {
  code: AwardCode;
  name: string;
  family: AwardFamily;
  subjects: AwardSubject[];
  rewardTypes: RewardType[];
  /** Column of biểu 0602/0603 (TT 02/2023/TT-BNV) it counts in; null when those forms do not count it. */
  statistics: StatisticsColumn | null;
  /** The article of Luật 06/2022/QH15 that lists it. */
  article: string;
}

const law = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
const I: AwardSubject[] = ['individual'];
const C: AwardSubject[] = ['collective'];
const IC: AwardSubject[] = ['individual', 'collective'];
const ICH: AwardSubject[] = ['individual', 'collective', 'household'];
const regular: RewardType[] = ['thuong_xuyen'];
const familyArticle: Record<AwardFamily, string> = {
  individual_title: `Điều 19 ${law}`,
  collective_title: `Điều 20 ${law}`,
  household_title: `Khoản 2 Điều 20 ${law}`,
  order: `Điều 33 ${law}`,
  medal: `Điều 9 ${law}`,
  state_honour: `Điều 9 ${law}`,
  prize: `Điều 9 ${law}`,
  badge: `Điều 9 ${law}`,
  certificate_of_merit: `Điều 72 ${law}`,
  commendation: `Điều 75 ${law}`,
};

type Row = [AwardCode, string, AwardFamily, AwardSubject[], RewardType[], StatisticsColumn | null];

const orderTypes: RewardType[] = ['thuong_xuyen', 'chuyen_de', 'dot_xuat', 'cong_hien', 'doi_ngoai'];
const rows: Row[] = [
  ['CSTDTQ', 'Chiến sĩ thi đua toàn quốc', 'individual_title', I, regular, 'F0602_C8'],
  ['CSTD_BO_TINH', 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh', 'individual_title', I, regular, 'F0603_C3'],
  ['CSTDCS', 'Chiến sĩ thi đua cơ sở', 'individual_title', I, regular, null],
  ['LDTT', 'Lao động tiên tiến', 'individual_title', I, regular, null],
  ['CSTT', 'Chiến sĩ tiên tiến', 'individual_title', I, regular, null],
  ['CO_CP', 'Cờ thi đua của Chính phủ', 'collective_title', C, ['thuong_xuyen', 'chuyen_de'], 'F0602_C6'],
  [
    'CO_BO_TINH',
    'Cờ thi đua của bộ, ban, ngành, tỉnh',
    'collective_title',
    C,
    ['thuong_xuyen', 'chuyen_de'],
    'F0603_C4',
  ],
  ['TTLDXS', 'Tập thể lao động xuất sắc', 'collective_title', C, regular, null],
  ['DVQT', 'Đơn vị quyết thắng', 'collective_title', C, regular, null],
  ['TTLDTT', 'Tập thể lao động tiên tiến', 'collective_title', C, regular, null],
  ['DVTT', 'Đơn vị tiên tiến', 'collective_title', C, regular, null],
  [
    'XA_TIEU_BIEU',
    'Xã, phường, thị trấn (từ 01/7/2025: xã, phường, đặc khu) tiêu biểu',
    'collective_title',
    C,
    regular,
    null,
  ],
  ['THON_VAN_HOA', 'Thôn, tổ dân phố văn hóa', 'collective_title', C, regular, null],
  ['GIA_DINH_VAN_HOA', 'Gia đình văn hóa', 'household_title', ['household'], regular, null],
  [
    'HC_SAO_VANG',
    'Huân chương Sao vàng',
    'order',
    IC,
    ['thuong_xuyen', 'cong_hien', 'doi_ngoai'],
    'F0602_C2',
  ],
  [
    'HC_HO_CHI_MINH',
    'Huân chương Hồ Chí Minh',
    'order',
    IC,
    ['thuong_xuyen', 'cong_hien', 'doi_ngoai'],
    'F0602_C2',
  ],
  ...(['NHAT', 'NHI', 'BA'] as const).flatMap((rank): Row[] => {
    const label = { NHAT: 'hạng Nhất', NHI: 'hạng Nhì', BA: 'hạng Ba' }[rank];
    return [
      [
        `HC_DOC_LAP_HANG_${rank}`,
        `Huân chương Độc lập ${label}`,
        'order',
        IC,
        ['thuong_xuyen', 'cong_hien', 'doi_ngoai', 'khang_chien'],
        'F0602_C2',
      ],
      [
        `HC_QUAN_CONG_HANG_${rank}`,
        `Huân chương Quân công ${label}`,
        'order',
        IC,
        ['thuong_xuyen', 'dot_xuat', 'cong_hien'],
        'F0602_C2',
      ],
      [`HCLD_HANG_${rank}`, `Huân chương Lao động ${label}`, 'order', IC, orderTypes, 'F0602_C2'],
      [`HC_BVTQ_HANG_${rank}`, `Huân chương Bảo vệ Tổ quốc ${label}`, 'order', IC, orderTypes, 'F0602_C2'],
      [
        `HC_CHIEN_CONG_HANG_${rank}`,
        `Huân chương Chiến công ${label}`,
        'order',
        IC,
        ['thuong_xuyen', 'dot_xuat'],
        'F0602_C2',
      ],
    ];
  }),
  [
    'HC_DAI_DOAN_KET',
    'Huân chương Đại đoàn kết dân tộc',
    'order',
    IC,
    ['thuong_xuyen', 'cong_hien', 'doi_ngoai'],
    'F0602_C2',
  ],
  ['HC_DUNG_CAM', 'Huân chương Dũng cảm', 'order', IC, ['dot_xuat'], 'F0602_C2'],
  ['HC_HUU_NGHI', 'Huân chương Hữu nghị', 'order', IC, ['doi_ngoai'], 'F0602_C2'],
  ['HUY_CHUONG_QUAN_KY_QUYET_THANG', 'Huy chương Quân kỳ quyết thắng', 'medal', I, ['nien_han'], 'F0602_C2'],
  ['HUY_CHUONG_VI_AN_NINH_TO_QUOC', 'Huy chương Vì an ninh Tổ quốc', 'medal', I, ['nien_han'], 'F0602_C2'],
  ['HUY_CHUONG_CHIEN_SI_VE_VANG', 'Huy chương Chiến sĩ vẻ vang', 'medal', I, ['nien_han'], 'F0602_C2'],
  ['HUY_CHUONG_HUU_NGHI', 'Huy chương Hữu nghị', 'medal', I, ['doi_ngoai'], 'F0602_C2'],
  [
    'HUY_CHUONG_TNXP_VE_VANG',
    'Huy chương Thanh niên xung phong vẻ vang',
    'medal',
    I,
    ['khang_chien'],
    'F0602_C2',
  ],
  [
    'TINH_ANH_HUNG',
    'Tỉnh, Thành phố Anh hùng',
    'state_honour',
    C,
    ['khang_chien', 'thuong_xuyen'],
    'F0602_C5',
  ],
  ['BA_ME_VNAH', 'Bà mẹ Việt Nam anh hùng', 'state_honour', I, ['khang_chien'], 'F0602_C5'],
  [
    'AH_LLVTND',
    'Anh hùng Lực lượng vũ trang nhân dân',
    'state_honour',
    IC,
    ['thuong_xuyen', 'dot_xuat', 'khang_chien'],
    'F0602_C5',
  ],
  ['AH_LAO_DONG', 'Anh hùng Lao động', 'state_honour', IC, ['thuong_xuyen', 'dot_xuat'], 'F0602_C5'],
  ['NHA_GIAO_NHAN_DAN', 'Nhà giáo nhân dân', 'state_honour', I, regular, 'F0602_C5'],
  ['NHA_GIAO_UU_TU', 'Nhà giáo ưu tú', 'state_honour', I, regular, 'F0602_C5'],
  ['THAY_THUOC_NHAN_DAN', 'Thầy thuốc nhân dân', 'state_honour', I, regular, 'F0602_C5'],
  ['THAY_THUOC_UU_TU', 'Thầy thuốc ưu tú', 'state_honour', I, regular, 'F0602_C5'],
  ['NGHE_SI_NHAN_DAN', 'Nghệ sĩ nhân dân', 'state_honour', I, regular, 'F0602_C5'],
  ['NGHE_SI_UU_TU', 'Nghệ sĩ ưu tú', 'state_honour', I, regular, 'F0602_C5'],
  ['NGHE_NHAN_NHAN_DAN', 'Nghệ nhân nhân dân', 'state_honour', I, regular, 'F0602_C5'],
  ['NGHE_NHAN_UU_TU', 'Nghệ nhân ưu tú', 'state_honour', I, regular, 'F0602_C5'],
  ['GIAI_THUONG_HCM', 'Giải thưởng Hồ Chí Minh', 'prize', I, regular, 'F0602_C3'],
  ['GIAI_THUONG_NHA_NUOC', 'Giải thưởng Nhà nước', 'prize', I, regular, 'F0602_C4'],
  ['KY_NIEM_CHUONG', 'Kỷ niệm chương', 'badge', I, ['cong_hien', 'doi_ngoai'], 'F0603_C5'],
  [
    'BK_TTG',
    'Bằng khen của Thủ tướng Chính phủ',
    'certificate_of_merit',
    ICH,
    ['thuong_xuyen', 'chuyen_de', 'dot_xuat', 'doi_ngoai'],
    'F0602_C7',
  ],
  [
    'BK_BO_TINH',
    'Bằng khen của bộ, ban, ngành, tỉnh',
    'certificate_of_merit',
    ICH,
    ['thuong_xuyen', 'chuyen_de', 'dot_xuat', 'doi_ngoai'],
    'F0603_C2',
  ],
  [
    'GIAY_KHEN',
    'Giấy khen',
    'commendation',
    ICH,
    ['thuong_xuyen', 'chuyen_de', 'dot_xuat', 'doi_ngoai'],
    null,
  ],
];

/** The catalogue, by code. */
export const awardCatalogue = Object.fromEntries(
  rows.map(([code, name, family, subjects, rewardTypes, statistics]) => [
    code,
    { code, name, family, subjects, rewardTypes, statistics, article: familyArticle[family] },
  ]),
) as Record<AwardCode, CatalogueEntry>;

/** Vietnamese name of an award. */
export function awardName(code: AwardCode): string {
  return awardCatalogue[code].name;
}
