import { describe, expect, it } from 'vitest';
import { exemplarActions, nextStage } from './exemplar-rules.ts';

const place = { unitPath: '/a/b/', status: 'confirmed', stage: 'discover', isPublished: false } as const;

describe('exemplar rules', () => {
  it('walks the four stages in order and stops after replication', () => {
    expect(nextStage('discover')).toBe('nurture');
    expect(nextStage('nurture')).toBe('sum_up');
    expect(nextStage('sum_up')).toBe('replicate');
    expect(nextStage('replicate')).toBeNull();
  });

  it('lets the managing unit advance and publish only a confirmed exemplar', () => {
    const manager = { canManage: true, canConfirm: false };
    expect(exemplarActions(place, manager)).toEqual(expect.arrayContaining(['edit', 'advance', 'publish']));
    expect(exemplarActions({ ...place, status: 'proposed' }, manager)).not.toContain('advance');
    expect(exemplarActions({ ...place, status: 'proposed' }, manager)).not.toContain('publish');
    expect(exemplarActions({ ...place, status: 'returned' }, manager)).toContain('propose');
    expect(exemplarActions({ ...place, stage: 'replicate', isPublished: true }, manager)).toEqual(
      expect.not.arrayContaining(['advance', 'publish']),
    );
    expect(exemplarActions({ ...place, isPublished: true }, manager)).toContain('withdraw');
  });

  it('lets only the level above confirm or return a proposed exemplar', () => {
    const proposed = { ...place, status: 'proposed' } as const;
    expect(exemplarActions(proposed, { canManage: true, canConfirm: true })).toEqual(
      expect.arrayContaining(['confirm', 'return']),
    );
    expect(exemplarActions(proposed, { canManage: true, canConfirm: false })).not.toContain('confirm');
    expect(exemplarActions(place, { canManage: true, canConfirm: true })).not.toContain('confirm');
    expect(
      exemplarActions({ ...place, status: 'returned' }, { canManage: true, canConfirm: true }),
    ).not.toContain('propose');
    expect(exemplarActions(place, { canManage: false, canConfirm: false })).toEqual([]);
  });
});
