import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile } from '#server/modules/documents/index.ts';
import { composeDocument } from './plan-compose.ts';
import { emptyPlanContent, flattenCriteria, planContentFromDocument } from './plan-content.ts';
import { applyCriteriaEdit } from './plan-criteria.ts';
import { placeUnclassifiedLine } from './plan-lines.ts';
import { localisePlan, placeOf, titleCase } from './plan-localise.ts';

/** The real plans, kept outside the repository (`TDKT_SEEDS_DIR` when the checkout is elsewhere). */
const seed = (name: string) =>
  path.join(
    process.env.TDKT_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../../../../shared/seeds'),
    name,
  );
const fixture = (name: string) =>
  path.resolve(import.meta.dirname, '../../../../../tests/fixtures/movements', name);

describe('planContentFromDocument', () => {
  it("reads Lai Châu's plan 68/KH-UBND into editable parts with anchored criteria", async () => {
    const content = planContentFromDocument(await parseDocumentFile(seed('000_ee9a425e8faec87e.txt')));
    expect(content.document.number).toBe('68/KH-UBND');
    expect(content.purposes.length).toBeGreaterThan(1);
    expect(content.requirements.length).toBeGreaterThan(0);
    expect(content.criteria.collective.length).toBe(6);
    expect(content.criteria.individual.length).toBe(7);
    expect(content.criteriaAnchors.collective).not.toBeNull();
    expect(content.awards.map((award) => award.round)).toEqual(['midterm', 'final']);
    expect(content.milestones.find((m) => m.kind === 'final_review')?.date).toBe('2025-09-02');
    const ids = flattenCriteria(content.criteria).map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads points written after a criterion of our own fixture', async () => {
    const content = planContentFromDocument(await parseDocumentFile(fixture('ke-hoach-van-hoa-cong-so.txt')));
    expect(flattenCriteria(content.criteria).some((node) => node.points !== null)).toBe(true);
    expect(content.assignments.some((assignment) => assignment.recurrence === 'yearly')).toBe(true);
  });
});

describe('criteria edits and composeDocument', () => {
  it('adds, moves, rewords and deletes, and writes the tree back in place', async () => {
    const content = planContentFromDocument(await parseDocumentFile(seed('000_ee9a425e8faec87e.txt')));
    const [first, second] = content.criteria.collective;
    if (!first || !second) throw new Error('no criteria');
    let trees = applyCriteriaEdit(content.criteria, {
      op: 'add',
      tree: 'collective',
      parentId: null,
      text: 'Có mô hình dân vận khéo',
      points: 10,
      index: 0,
    });
    expect(trees.collective[0]).toMatchObject({ text: 'Có mô hình dân vận khéo', points: 10, lines: null });
    trees = applyCriteriaEdit(trees, {
      op: 'move',
      tree: 'collective',
      id: second.id,
      parentId: first.id,
      index: 0,
    });
    expect(trees.collective.find((node) => node.id === first.id)?.children[0]?.id).toBe(second.id);
    expect(() =>
      applyCriteriaEdit(trees, {
        op: 'move',
        tree: 'collective',
        id: first.id,
        parentId: second.id,
        index: 0,
      }),
    ).toThrow(/chính nó/);
    trees = applyCriteriaEdit(trees, {
      op: 'reword',
      tree: 'collective',
      id: first.id,
      text: 'Ban hành nội quy',
    });
    trees = applyCriteriaEdit(trees, {
      op: 'delete',
      tree: 'individual',
      id: content.criteria.individual[0]?.id ?? '',
    });
    expect(trees.individual.length).toBe(6);
    expect(content.criteria.collective.length).toBe(6);

    const document = composeDocument({ ...content, criteria: trees });
    const texts = JSON.stringify(document.sections);
    expect(texts).toContain('Có mô hình dân vận khéo (10 điểm)');
    expect(texts).toContain('Ban hành nội quy');
    expect(document.sections.length).toBe(content.document.sections.length);
    expect(document.criteria.collective[0]?.text).toBe('Có mô hình dân vận khéo (10 điểm)');
  });

  it('writes a body from the structured parts for a plan typed by hand', () => {
    const content = emptyPlanContent({
      issuerName: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
      title: 'Kế hoạch thi đua',
      movementName: 'Thi đua văn hóa công sở',
      periodFrom: 2019,
      periodTo: 2025,
    });
    content.purposes.push('Nâng cao văn hóa công sở');
    content.criteria.individual = [
      { id: 'x', label: '-', text: 'Trang phục gọn gàng', points: null, lines: null, children: [] },
    ];
    content.awards.push({ round: 'final', year: 2025, forms: ['Giấy khen'] });
    const document = composeDocument(content);
    expect(document.sections.map((section) => `${section.label} ${section.text}`)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. TIÊU CHUẨN THI ĐUA',
      'III. HÌNH THỨC KHEN THƯỞNG',
    ]);
  });
});

describe('placeUnclassifiedLine', () => {
  it('moves a line into a field or drops it, and refuses a line that is not unclassified', () => {
    const content = emptyPlanContent({
      issuerName: null,
      title: 'KH',
      movementName: 'PT',
      periodFrom: 2019,
      periodTo: 2025,
    });
    content.document.unclassified = [
      { line: 7, text: 'Kinh phí từ nguồn quỹ thi đua' },
      { line: 9, text: 'Tiêu' },
    ];
    const placed = placeUnclassifiedLine(content, 7, { action: 'place', target: 'funding' });
    expect(placed.funding).toBe('Kinh phí từ nguồn quỹ thi đua');
    const dropped = placeUnclassifiedLine(placed, 9, { action: 'drop' });
    expect(dropped.document.unclassified).toEqual([]);
    expect(() => placeUnclassifiedLine(dropped, 9, { action: 'drop' })).toThrow(/Dòng 9/);
  });
});

describe('localisePlan', () => {
  it("turns the province's plan into a district draft with its own names, number and date cleared", async () => {
    const content = planContentFromDocument(await parseDocumentFile(seed('000_ee9a425e8faec87e.txt')));
    const draft = localisePlan(
      content,
      { name: 'Ủy ban nhân dân tỉnh Lai Châu', shortName: 'UBND tỉnh' },
      { name: 'Ủy ban nhân dân huyện Tam Đường', shortName: 'UBND huyện' },
    );
    expect(draft.document.number).toBeNull();
    expect(draft.document.date).toBeNull();
    expect(draft.document.incoming).toBeNull();
    expect(draft.document.issuer.name).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
    expect(draft.document.title).toContain('huyện Tam Đường');
    expect(draft.document.title).not.toContain('Lai Châu');
    expect(draft.document.legalBasis[0]?.text).toBe(
      'Thực hiện Kế hoạch số 68/KH-UBND ngày 21/8/2019 của Ủy ban nhân dân tỉnh Lai Châu;',
    );
    expect(JSON.stringify(draft.purposes)).toContain('huyện');
    expect(content.document.number).toBe('68/KH-UBND');
  });

  it('reads level and place from unit names', () => {
    expect(placeOf('Ủy ban nhân dân huyện Lục Ngạn')).toEqual({ level: 'huyện', place: 'Lục Ngạn' });
    expect(placeOf('Sở Nội vụ')).toBeNull();
    expect(titleCase('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG')).toBe('Ủy ban nhân dân tỉnh Bắc Giang');
  });
});
