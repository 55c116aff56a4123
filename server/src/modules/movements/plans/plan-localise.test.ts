import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { parseDocumentFile, parseDocumentText } from '#server/modules/documents/index.ts';
import { DEMO_PLAN_TEXT } from './demo-plan.ts';
import { planContentFromDocument } from './plan-content.ts';
import { localisePlan, type UnitNames } from './plan-localise.ts';

/** The real plans, kept outside the repository (`TDKT_SEEDS_DIR` when the checkout is elsewhere). */
const seedsDir =
  process.env.TDKT_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../../../../shared/seeds');
const seed = (name: string) => path.join(seedsDir, name);
/** The demo plan (in the repository), with an addressee so that every text field holds something. */
const demoPlan = () => {
  const plan = planContentFromDocument(parseDocumentText(DEMO_PLAN_TEXT));
  plan.document.addressees = ['Các sở, ban, ngành, đoàn thể tỉnh'];
  return plan;
};

/** Every string of a JSON value with its path, however deep and whatever the field is called. */
function textsOf(value: unknown, at = 'plan'): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${at}[${index}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, `${at}.${key}`));
  return [];
}

/**
 * Folds the spellings of one name together: Unicode form, tone mark placement ("Hòa"/"Hoà"),
 * spacing and line breaks, letter case.
 */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/gu, '$1$3$2')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .toLowerCase();

/** The parent plan the localiser cites first among the legal bases; it names the parent on purpose. */
const CITATION = 'plan.document.legalBasis[0].';

/** Where a plan names the place: every text field, aside from the citation of the parent plan if any. */
function tracesOf(plan: PlanContent, place: string, citesParent = false): string[] {
  return textsOf(plan)
    .filter(([at, text]) => !(citesParent && at.startsWith(CITATION)) && fold(text).includes(fold(place)))
    .map(([at, text]) => `${at}: ${text}`);
}

/** Appends a mention of the place to every string of the plan, each spelt one of the given ways. */
function mentionEverywhere(plan: PlanContent, spellings: string[]): PlanContent {
  let next = 0;
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return `${value} ${spellings[next++ % spellings.length]}`;
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner)]));
    return value;
  };
  return visit(plan) as PlanContent;
}

const laiChau: UnitNames = { name: 'Ủy ban nhân dân tỉnh Lai Châu', shortName: 'UBND tỉnh' };
const tamDuong: UnitNames = { name: 'Ủy ban nhân dân huyện Tam Đường', shortName: 'UBND huyện' };

describe('localisePlan leaves no trace of the parent’s place in any text field', () => {
  const seedPlans: [string, () => Promise<PlanContent>, UnitNames, UnitNames, string][] = [
    [
      'seed 000 (Lai Châu, 68/KH-UBND)',
      async () => planContentFromDocument(await parseDocumentFile(seed('000_ee9a425e8faec87e.txt'))),
      laiChau,
      tamDuong,
      'Lai Châu',
    ],
    [
      'seed 001 (Quảng Trị, 3741/KH-UBND)',
      async () => planContentFromDocument(await parseDocumentFile(seed('001_6f25dcc6921f0cd0.txt'))),
      { name: 'Ủy ban nhân dân tỉnh Quảng Trị', shortName: 'UBND' },
      { name: 'Ủy ban nhân dân huyện Hải Lăng', shortName: 'UBND' },
      'Quảng Trị',
    ],
    [
      'seed 003 (Lai Châu, letter 134/UBND-TH)',
      async () => planContentFromDocument(await parseDocumentFile(seed('003_f66f20bab11d5c04.txt'))),
      laiChau,
      tamDuong,
      'Lai Châu',
    ],
    [
      'seed 004 (Lục Ngạn, a district) for a commune',
      async () => planContentFromDocument(await parseDocumentFile(seed('004_8fdbf14a09820900.txt'))),
      { name: 'Ủy ban nhân dân huyện Lục Ngạn', shortName: 'UBND' },
      { name: 'Ủy ban nhân dân xã Nghĩa Hồ', shortName: 'UBND' },
      'Lục Ngạn',
    ],
  ];

  it('in the demo plan (Lai Châu, 75/KH-UBND)', () => {
    const parent = demoPlan();
    expect(tracesOf(parent, 'Lai Châu').length, 'the parent plan names its place').toBeGreaterThan(3);
    const copy = localisePlan(parent, laiChau, tamDuong);
    expect(tracesOf(copy, 'Lai Châu', true)).toEqual([]);
    expect(copy.document.legalBasis[0]?.text).toBe(
      'Thực hiện Kế hoạch số 75/KH-UBND ngày 20/8/2019 của Ủy ban nhân dân tỉnh Lai Châu;',
    );
  });

  for (const [label, load, from, to, place] of seedPlans) {
    it.skipIf(!existsSync(seedsDir))(`in ${label}`, async () => {
      const parent = await load();
      expect(tracesOf(parent, place).length, 'the parent plan names its place').toBeGreaterThan(0);
      const copy = localisePlan(parent, from, to);
      expect(tracesOf(copy, place, parent.document.number !== null)).toEqual([]);
      const citation = copy.document.legalBasis[0]?.text ?? '';
      if (parent.document.number) expect(citation).toMatch(/^Thực hiện Kế hoạch số /);
    });
  }

  it('in every field of the plan, whichever way the name is spelt, wrapped or spaced', () => {
    const parent = mentionEverywhere(demoPlan(), [
      'tỉnh Lai Châu',
      'TỈNH LAI CHÂU',
      'Tỉnh Lai Châu',
      'Ủy ban nhân dân tỉnh Lai Châu',
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'UBND tỉnh Lai Châu',
      'tỉnh Lai\nChâu',
      'tỉnh Lai  Châu',
      'Lai\u00a0Châu',
      'tỉnh Lai Châu'.normalize('NFD'),
    ]);
    const copy = localisePlan(parent, laiChau, tamDuong);
    expect(tracesOf(copy, 'Lai Châu', true)).toEqual([]);
    expect(textsOf(copy.purposes).filter(([, text]) => !text.toLowerCase().includes('tam đường'))).toEqual(
      [],
    );
  });

  it('whichever way the tone marks of the place are placed (Hòa Bình / Hoà Bình)', () => {
    const parent = mentionEverywhere(demoPlan(), [
      'tỉnh Hoà Bình',
      'TỈNH HOÀ BÌNH',
      'tỉnh Hòa Bình',
      'Hoà Bình',
    ]);
    const copy = localisePlan(
      parent,
      { name: 'Ủy ban nhân dân tỉnh Hòa Bình', shortName: 'UBND' },
      { name: 'Ủy ban nhân dân huyện Lạc Thủy', shortName: 'UBND' },
    );
    expect(tracesOf(copy, 'Hòa Bình', true)).toEqual([]);
    expect(copy.purposes[0]).toContain('huyện Lạc Thủy');
  });

  it('keeps the parts that do not name the parent or its level’s agencies as they were', () => {
    const parent = demoPlan();
    const copy = localisePlan(parent, laiChau, tamDuong);
    // The level's words change too: "các sở, ban, ngành" of a province are "các phòng, ban, ngành" of a district.
    const untouched = textsOf(parent).filter(
      ([, text]) => !/Lai Châu|LAI CHÂU|tỉnh|TỈNH|sở, ban|các huyện/u.test(text),
    );
    const copied = new Map(textsOf(copy));
    for (const [at, text] of untouched.filter(([at]) => !at.startsWith('plan.document.legalBasis')))
      if (copied.has(at)) expect(copied.get(at), at).toBe(text);
  });
});
