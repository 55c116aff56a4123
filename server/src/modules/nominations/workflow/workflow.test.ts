import { describe, expect, it } from 'vitest';
import { AppError } from '#server/platform/http/app-error.ts';
import { nextNominationStatus, nominationMoves } from './nomination-workflow.ts';

describe('the tờ trình workflow', () => {
  it('goes draft → submitted → returned → submitted → received', () => {
    let status = nextNominationStatus('draft', 'submit');
    expect(status).toBe('submitted');
    status = nextNominationStatus(status, 'return');
    expect(status).toBe('returned');
    status = nextNominationStatus(status, 'submit');
    expect(nextNominationStatus(status, 'receive')).toBe('received');
  });

  it('refuses a second submit and a receive of a draft with a Vietnamese 409', () => {
    expect(() => nextNominationStatus('submitted', 'submit')).toThrowError(AppError);
    try {
      nextNominationStatus('draft', 'receive');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('tiếp nhận') });
    }
    expect(() => nextNominationStatus('appraised', 'return')).toThrowError(/trả lại/);
  });

  it('offers each side only its own moves', () => {
    expect(nominationMoves('draft', ['proposer'])).toEqual(['edit', 'delete', 'submit']);
    expect(nominationMoves('draft', ['receiver'])).toEqual([]);
    expect(nominationMoves('submitted', ['receiver'])).toEqual(['receive', 'return']);
    expect(nominationMoves('submitted', ['proposer'])).toEqual([]);
    expect(nominationMoves('returned', ['proposer', 'receiver'])).toEqual(['edit', 'submit']);
  });
});
