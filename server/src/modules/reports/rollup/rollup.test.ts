import { describe, expect, it } from 'vitest';
import { INDICATORS, SECTIONS } from '../test-support.ts';
import { gatherTexts, type RollupSource, sumFigures } from './rollup.ts';

const sources: RollupSource[] = [
  {
    unitName: 'Xã A',
    figures: { 'ke-hoach': 1, 'dien-hinh': 0.1 },
    texts: { 'ket-qua': 'Tốt.', 'ton-tai': ' ' },
  },
  { unitName: 'Xã B', figures: { 'dien-hinh': 0.2 }, texts: { 'ket-qua': 'Khá.\nCó mô hình.' } },
];

describe('roll-up', () => {
  it('sums each indicator over the children, a missing figure as 0, without float noise', () => {
    expect(sumFigures(INDICATORS, sources)).toEqual({ 'ke-hoach': 1, 'dien-hinh': 0.3 });
    expect(sumFigures(INDICATORS, [])).toEqual({ 'ke-hoach': 0, 'dien-hinh': 0 });
  });

  it('gathers the narratives under each section, headed by the unit, skipping blank ones', () => {
    expect(gatherTexts(SECTIONS, sources)).toEqual({
      'ket-qua': 'Xã A:\nTốt.\n\nXã B:\nKhá.\nCó mô hình.',
      'ton-tai': '',
      'de-xuat': '',
    });
  });
});
