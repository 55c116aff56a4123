import { inArray } from 'drizzle-orm';
import { vietnameseSortKey } from '#server/modules/organisation/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { unitSuccessions, units } from '#server/platform/db/schema.ts';

interface DemoUnit {
  code: string;
  parent: string | null;
  name: string;
  short?: string;
  kind: string;
  collegial?: boolean;
  /** Last day of validity (districts and their communes ended on 30/6/2025). */
  until?: string;
  /** First day of validity (the communes of the two-tier local government). */
  from?: string;
}

const ENDED = '2025-06-30';
const REFORM = '2025-07-01';
const sở = (code: string, name: string, short: string): DemoUnit => ({
  code: `LCI.${code}`,
  parent: 'LCI',
  name: `${name} tỉnh Lai Châu`,
  short,
  kind: 'department',
});
const đoànThể = (code: string, name: string, short: string): DemoUnit => ({
  code: `LCI.${code}`,
  parent: 'LCI',
  name,
  short,
  kind: 'mass_organisation',
  collegial: true,
});
const huyện = (code: string, name: string): DemoUnit => ({
  code: `LCI.H.${code}`,
  parent: 'LCI',
  name: `Ủy ban nhân dân ${name}`,
  short: 'UBND',
  kind: 'district',
  collegial: true,
  until: ENDED,
});
const xãCũ = (district: string, code: string, name: string): DemoUnit => ({
  code: `LCI.H.${district}.${code}`,
  parent: `LCI.H.${district}`,
  name: `Ủy ban nhân dân ${name}`,
  short: 'UBND',
  kind: 'commune',
  collegial: true,
  until: ENDED,
});
const xãMới = (code: string, name: string): DemoUnit => ({
  code: `LCI.X.${code}`,
  parent: 'LCI',
  name: `Ủy ban nhân dân ${name}`,
  short: 'UBND',
  kind: 'commune',
  collegial: true,
  from: REFORM,
});

/** The demo's administrative tree: Lai Châu in detail (before and after 01/7/2025), two more provinces. */
export const demoUnits: DemoUnit[] = [
  {
    code: 'LCI',
    parent: null,
    name: 'Ủy ban nhân dân tỉnh Lai Châu',
    short: 'UBND',
    kind: 'province',
    collegial: true,
  },
  sở('SNV', 'Sở Nội vụ', 'SNV'),
  {
    code: 'LCI.SNV.BTDKT',
    parent: 'LCI.SNV',
    name: 'Ban Thi đua – Khen thưởng',
    short: 'BTĐKT',
    kind: 'division',
  },
  { code: 'LCI.SNV.VP', parent: 'LCI.SNV', name: 'Văn phòng Sở Nội vụ', short: 'VP', kind: 'division' },
  {
    code: 'LCI.VP',
    parent: 'LCI',
    name: 'Văn phòng Ủy ban nhân dân tỉnh Lai Châu',
    short: 'VP',
    kind: 'agency',
  },
  sở('STC', 'Sở Tài chính', 'STC'),
  sở('SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT'),
  sở('SYT', 'Sở Y tế', 'SYT'),
  sở('SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNNMT'),
  sở('SXD', 'Sở Xây dựng', 'SXD'),
  sở('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'),
  {
    code: 'LCI.SGDDT.THPTCB',
    parent: 'LCI.SGDDT',
    name: 'Trường THPT Chuyên Lê Quý Đôn',
    kind: 'public_service',
  },
  {
    code: 'LCI.SYT.BVDK',
    parent: 'LCI.SYT',
    name: 'Bệnh viện Đa khoa tỉnh Lai Châu',
    kind: 'public_service',
  },
  đoànThể('LDLD', 'Liên đoàn Lao động tỉnh Lai Châu', 'LĐLĐ'),
  đoànThể('TDOAN', 'Tỉnh đoàn Lai Châu', 'TĐ'),
  đoànThể('HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh Lai Châu', 'HLHPN'),
  đoànThể('HND', 'Hội Nông dân tỉnh Lai Châu', 'HND'),
  đoànThể('MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu', 'MTTQ'),
  { code: 'LCI.CAT', parent: 'LCI', name: 'Công an tỉnh Lai Châu', short: 'CAT', kind: 'armed_forces' },
  huyện('TP', 'thành phố Lai Châu'),
  huyện('TDG', 'huyện Tam Đường'),
  huyện('PTO', 'huyện Phong Thổ'),
  huyện('SHO', 'huyện Sìn Hồ'),
  huyện('MTE', 'huyện Mường Tè'),
  huyện('TUY', 'huyện Than Uyên'),
  huyện('TNU', 'huyện Tân Uyên'),
  huyện('NNH', 'huyện Nậm Nhùn'),
  {
    code: 'LCI.H.TDG.PNV',
    parent: 'LCI.H.TDG',
    name: 'Phòng Nội vụ huyện Tam Đường',
    short: 'PNV',
    kind: 'division',
    until: ENDED,
  },
  xãCũ('TP', 'TPH', 'phường Tân Phong'),
  xãCũ('TP', 'DKE', 'phường Đoàn Kết'),
  xãCũ('TDG', 'TT', 'thị trấn Tam Đường'),
  xãCũ('TDG', 'BLU', 'xã Bình Lư'),
  xãCũ('TDG', 'BBO', 'xã Bản Bo'),
  xãCũ('TDG', 'SBI', 'xã Sơn Bình'),
  xãCũ('PTO', 'MSO', 'xã Mường So'),
  xãCũ('PTO', 'DSA', 'xã Dào San'),
  xãCũ('SHO', 'TT', 'thị trấn Sìn Hồ'),
  xãCũ('SHO', 'PTA', 'xã Pa Tần'),
  xãCũ('MTE', 'TT', 'thị trấn Mường Tè'),
  xãCũ('TUY', 'TT', 'thị trấn Than Uyên'),
  xãCũ('TUY', 'MKI', 'xã Mường Kim'),
  xãCũ('TNU', 'TT', 'thị trấn Tân Uyên'),
  xãCũ('NNH', 'TT', 'thị trấn Nậm Nhùn'),
  xãMới('TPH', 'phường Tân Phong'),
  xãMới('DKE', 'phường Đoàn Kết'),
  xãMới('TDG', 'xã Tam Đường'),
  xãMới('BLU', 'xã Bình Lư'),
  xãMới('BBO', 'xã Bản Bo'),
  xãMới('PTO', 'xã Phong Thổ'),
  xãMới('SHO', 'xã Sìn Hồ'),
  xãMới('MTE', 'xã Mường Tè'),
  xãMới('TUY', 'xã Than Uyên'),
  xãMới('TNU', 'xã Tân Uyên'),
  xãMới('NNH', 'xã Nậm Hàng'),
  {
    code: 'BGG',
    parent: null,
    name: 'Ủy ban nhân dân tỉnh Bắc Giang',
    short: 'UBND',
    kind: 'province',
    collegial: true,
    until: ENDED,
  },
  {
    code: 'BGG.SNV',
    parent: 'BGG',
    name: 'Sở Nội vụ tỉnh Bắc Giang',
    short: 'SNV',
    kind: 'department',
    until: ENDED,
  },
  {
    code: 'BGG.H.LNG',
    parent: 'BGG',
    name: 'Ủy ban nhân dân huyện Lục Ngạn',
    short: 'UBND',
    kind: 'district',
    collegial: true,
    until: ENDED,
  },
  {
    code: 'QTI',
    parent: null,
    name: 'Ủy ban nhân dân tỉnh Quảng Trị',
    short: 'UBND',
    kind: 'province',
    collegial: true,
  },
  { code: 'QTI.SNV', parent: 'QTI', name: 'Sở Nội vụ tỉnh Quảng Trị', short: 'SNV', kind: 'department' },
];

/** Who took over what on 01/7/2025: [predecessor, successor, kind]. */
export const demoSuccessions: [string, string, string][] = [
  ['LCI.H.TP', 'LCI.X.TPH', 'split'],
  ['LCI.H.TP', 'LCI.X.DKE', 'split'],
  ['LCI.H.TP.TPH', 'LCI.X.TPH', 'merger'],
  ['LCI.H.TP.DKE', 'LCI.X.DKE', 'merger'],
  ['LCI.H.TDG', 'LCI.X.TDG', 'split'],
  ['LCI.H.TDG', 'LCI.X.BLU', 'split'],
  ['LCI.H.TDG', 'LCI.X.BBO', 'split'],
  ['LCI.H.TDG.TT', 'LCI.X.TDG', 'merger'],
  ['LCI.H.TDG.SBI', 'LCI.X.TDG', 'merger'],
  ['LCI.H.TDG.BLU', 'LCI.X.BLU', 'merger'],
  ['LCI.H.TDG.BBO', 'LCI.X.BBO', 'merger'],
  ['LCI.H.PTO', 'LCI.X.PTO', 'split'],
  ['LCI.H.PTO.MSO', 'LCI.X.PTO', 'merger'],
  ['LCI.H.SHO', 'LCI.X.SHO', 'split'],
  ['LCI.H.SHO.TT', 'LCI.X.SHO', 'merger'],
  ['LCI.H.MTE', 'LCI.X.MTE', 'split'],
  ['LCI.H.MTE.TT', 'LCI.X.MTE', 'merger'],
  ['LCI.H.TUY', 'LCI.X.TUY', 'split'],
  ['LCI.H.TUY.TT', 'LCI.X.TUY', 'merger'],
  ['LCI.H.TNU', 'LCI.X.TNU', 'split'],
  ['LCI.H.TNU.TT', 'LCI.X.TNU', 'merger'],
  ['LCI.H.NNH', 'LCI.X.NNH', 'split'],
  ['LCI.H.NNH.TT', 'LCI.X.NNH', 'merger'],
];

/** Creates the demo units that are missing (in one batch) and their successions; returns ids by code. */
export async function ensureDemoUnits(db: Database): Promise<Map<string, string>> {
  const found = await db
    .select({ id: units.id, code: units.code, path: units.path })
    .from(units)
    .where(
      inArray(
        units.code,
        demoUnits.map((unit) => unit.code),
      ),
    );
  const byCode = new Map(found.map((unit) => [unit.code, unit]));
  const values: (typeof units.$inferInsert)[] = [];
  for (const unit of demoUnits) {
    if (byCode.has(unit.code)) continue;
    const parent = unit.parent ? byCode.get(unit.parent) : null;
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    byCode.set(unit.code, { id, code: unit.code, path });
    values.push({
      id,
      parentId: parent?.id ?? null,
      path,
      code: unit.code,
      name: unit.name,
      shortName: unit.short ?? null,
      kind: unit.kind,
      isCollegial: unit.collegial ?? false,
      validFrom: unit.from ?? null,
      validTo: unit.until ?? null,
      sortKey: vietnameseSortKey(unit.name),
    });
  }
  const ids = new Map([...byCode].map(([code, unit]) => [code, unit.id]));
  if (values.length) {
    await db.transaction(async (tx) => {
      await tx.insert(units).values(values);
      await tx
        .insert(unitSuccessions)
        .values(
          demoSuccessions.map(([from, to, kind]) => ({
            predecessorId: ids.get(from) as string,
            successorId: ids.get(to) as string,
            kind,
            effectiveDate: REFORM,
          })),
        )
        .onConflictDoNothing();
    });
  }
  return ids;
}
