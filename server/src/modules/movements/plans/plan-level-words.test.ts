import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { parseDocumentFile, parseDocumentText } from '#server/modules/documents/index.ts';
import { DEMO_PLAN_TEXT } from './demo-plan.ts';
import { planContentFromDocument } from './plan-content.ts';
import { adminLevelOf } from './plan-level-words.ts';
import { localisePlan, type UnitNames } from './plan-localise.ts';

const seedsDir =
  process.env.TDKT_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../../../../shared/seeds');

/** Every string of the plan, joined: what a reader of the copy sees. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('\n');
  return '';
}

const province: UnitNames = {
  name: 'Ủy ban nhân dân tỉnh Lai Châu',
  shortName: 'UBND tỉnh',
  kind: 'province',
};
const district: UnitNames = {
  name: 'Ủy ban nhân dân huyện Tam Đường',
  shortName: 'UBND huyện',
  kind: 'district',
};
const commune: UnitNames = { name: 'Ủy ban nhân dân xã Bình Lư', shortName: 'UBND xã', kind: 'commune' };

/** The demo plan (75/KH-UBND of Lai Châu) with the phrases provincial plans use for their agencies and districts. */
function provincialPlan(): PlanContent {
  const plan = planContentFromDocument(parseDocumentText(DEMO_PLAN_TEXT));
  plan.document.addressees = ['Các sở, ban, ngành, đoàn thể tỉnh', 'UBND các huyện, thành phố'];
  plan.purposes.push(
    'Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch UBND các huyện, thành phố tổ chức quán triệt.',
    'Huy động các đơn vị sự nghiệp công lập, các huyện, thị xã, thành phố, doanh nghiệp thuộc Khối thi đua của tỉnh.',
  );
  return plan;
}

describe('adminLevelOf', () => {
  it('reads the level from the kind, else from the name of a people’s committee', () => {
    expect(adminLevelOf(province)).toBe('province');
    expect(adminLevelOf({ name: 'Ủy ban nhân dân huyện Tam Đường' })).toBe('district');
    expect(adminLevelOf({ name: 'UỶ BAN NHÂN DÂN XÃ BÌNH LƯ' })).toBe('commune');
    expect(adminLevelOf({ name: 'Ủy ban nhân dân phường Tân Phong' })).toBe('commune');
    expect(adminLevelOf({ name: 'Ủy ban nhân dân thành phố Hồ Chí Minh' })).toBe('province');
    expect(adminLevelOf({ name: 'Ủy ban nhân dân thành phố Lai Châu' })).toBe('district');
    expect(adminLevelOf({ name: 'Sở Nội vụ tỉnh Lai Châu', kind: 'department' })).toBeNull();
    expect(adminLevelOf({ name: 'Sở Nội vụ tỉnh Lai Châu' })).toBeNull();
  });
});

describe('localisePlan uses the words of the lower unit’s level', () => {
  it('a commune has phòng, ban and đoàn thể, and thôn, bản, tổ dân phố under it; no sở, ngành or huyện', () => {
    const copy = textOf(localisePlan(provincialPlan(), province, commune));
    expect(copy).toContain('Các phòng, ban, đoàn thể xã');
    expect(copy).toContain('Thủ trưởng các phòng, ban, đoàn thể xã; Trưởng các thôn, bản, tổ dân phố');
    expect(copy).toContain('đơn vị sự nghiệp công lập, các thôn, bản, tổ dân phố, doanh nghiệp');
    expect(copy).not.toMatch(/sở, ban|ngành, đoàn thể xã|các huyện|huyện, thành phố|thành phố của xã/u);
  });

  it('a district has phòng, ban, ngành, and xã, thị trấn under it', () => {
    const copy = textOf(localisePlan(provincialPlan(), province, district));
    expect(copy).toContain('Các phòng, ban, ngành, đoàn thể huyện');
    expect(copy).toContain('Chủ tịch UBND các xã, thị trấn');
    expect(copy).toContain('UBND các xã, thị trấn');
    expect(copy).not.toMatch(/sở, ban|các huyện|huyện, thành phố/u);
  });

  it('a commune copying its district’s plan: the district’s xã, thị trấn become its thôn, bản, tổ dân phố', () => {
    const plan = provincialPlan();
    plan.purposes.push('UBND các xã, thị trấn; các phòng, ban, ngành, đoàn thể huyện báo cáo kết quả.');
    const copy = textOf(localisePlan(plan, district, commune));
    expect(copy).toContain('các thôn, bản, tổ dân phố; các phòng, ban, đoàn thể xã báo cáo kết quả.');
  });

  it('a department (not a people’s committee) keeps the province’s words', () => {
    const department: UnitNames = { name: 'Sở Nội vụ tỉnh Lai Châu', shortName: 'SNV', kind: 'department' };
    const copy = textOf(localisePlan(provincialPlan(), province, department));
    expect(copy).toContain('Các sở, ban, ngành, đoàn thể tỉnh');
    expect(copy).toContain('UBND các huyện, thành phố');
  });

  it.skipIf(!existsSync(seedsDir))('in seed 000 (Lai Châu, 68/KH-UBND) copied for a commune', async () => {
    const plan = planContentFromDocument(
      await parseDocumentFile(path.join(seedsDir, '000_ee9a425e8faec87e.txt')),
    );
    const copy = textOf(localisePlan(plan, province, commune));
    expect(copy).toContain('Các phòng, ban, đoàn thể xã');
    expect(copy).not.toMatch(/sở, ban, ngành|các huyện, thành phố|huyện, thành phố/u);
  });

  it.skipIf(!existsSync(seedsDir))(
    'in seed 004 (Lục Ngạn, a district) copied for one of its communes',
    async () => {
      const plan = planContentFromDocument(
        await parseDocumentFile(path.join(seedsDir, '004_8fdbf14a09820900.txt')),
      );
      const copy = textOf(
        localisePlan(
          plan,
          { name: 'Ủy ban nhân dân huyện Lục Ngạn', shortName: 'UBND', kind: 'district' },
          { name: 'Ủy ban nhân dân xã Nghĩa Hồ', shortName: 'UBND', kind: 'commune' },
        ),
      );
      expect(copy).toContain('các thôn, bản, tổ dân phố');
      expect(copy).not.toMatch(/các xã, thị trấn/u);
    },
  );
});
