import { describe, expect, it } from 'vitest';
import { diffPlans, formatDiffVi, parseDocumentText } from '../index.ts';
import { hasSeeds, readSeed, seedsMissing } from '../test-support.ts';

describe.skipIf(!hasSeeds)('diffPlans on seeds 000 (province) and 004 (district)', () => {
  const diff = hasSeeds
    ? diffPlans(parseDocumentText(readSeed('000')), parseDocumentText(readSeed('004')))
    : null;

  it('surfaces the district quality-management (ISO 9001:2015) item', () => {
    const individual = diff?.contents.individual;
    const texts = [
      ...(individual?.added.map((item) => item.text) ?? []),
      ...(individual?.reworded.map((item) => item.child.text) ?? []),
    ];
    expect(texts.some((text) => text.includes('ISO 9001:2015'))).toBe(true);
  });

  it('surfaces the district funding section', () => {
    expect(diff?.funding.status).toBe('added');
    expect(diff?.sections.added).toContain('KINH PHÍ THỰC HIỆN');
  });

  it("surfaces the province's extra collective criterion on timely commendation", () => {
    const removed = diff?.criteria.collective.removed.map((item) => item.text) ?? [];
    expect(removed.some((text) => text.startsWith('Kịp thời biểu dương, khen thưởng'))).toBe(true);
  });

  it('reports the localised names and levels, and a Vietnamese summary', () => {
    expect(diff?.localisedNames).toContainEqual(
      expect.objectContaining({ parent: 'Lai Châu', child: 'Lục Ngạn' }),
    );
    expect([diff?.parent.level, diff?.child.level]).toEqual(['tỉnh', 'huyện']);
    const summary = diff ? formatDiffVi(diff) : '';
    expect(summary).toContain('Cấp dưới thêm phần kinh phí');
    expect(summary).toContain('ISO 9001:2015');
  });

  it('lists each name replaced in a localised copy once, with the number of places it was made', () => {
    const parent = parseDocumentText(readSeed('000'));
    const child = JSON.parse(
      JSON.stringify(parent).replaceAll('Lai Châu', 'Tam Đường').replaceAll('LAI CHÂU', 'TAM ĐƯỜNG'),
    ) as typeof parent;
    const places =
      JSON.stringify([
        child.title,
        child.movement.name,
        child.legalBasis,
        child.preamble,
        child.sections,
      ]).split('Tam Đường').length - 1;
    const localised = diffPlans(parent, child).localisedNames;
    expect(localised).toEqual([{ parent: 'Lai Châu', child: 'Tam Đường', count: places }]);
    expect(places).toBeGreaterThan(3);
    const summary = formatDiffVi(diffPlans(parent, child));
    expect(summary.split('\n').filter((line) => line.startsWith('Địa danh được thay'))).toEqual([
      `Địa danh được thay: Lai Châu → Tam Đường (${places} chỗ).`,
    ]);
  });

  it('finds nothing changed when a plan is compared with itself', () => {
    const doc = parseDocumentText(readSeed('000'));
    const same = diffPlans(doc, doc);
    expect(same.criteria.collective.added).toEqual([]);
    expect(same.criteria.collective.reworded).toEqual([]);
    expect(same.funding.status).toBe('absent');
  });
});

if (!hasSeeds) {
  describe('diffPlans on seeds 000 and 004', () => {
    it.skip(seedsMissing, () => {});
  });
}
