import { describe, expect, it } from 'vitest';
import { nominationStatusOf } from './nominee-moves.ts';

describe('nominationStatusOf', () => {
  it('follows the least advanced open nominee', () => {
    expect(nominationStatusOf(['appraised', 'in_council', 'declined'])).toBe('appraised');
    expect(nominationStatusOf(['posted', 'decided'])).toBe('posted');
  });
  it('ends decided when any nominee was decided, declined when none was', () => {
    expect(nominationStatusOf(['decided', 'declined'])).toBe('decided');
    expect(nominationStatusOf(['declined', 'declined'])).toBe('declined');
  });
  it('counts nominees consolidated upward as closed at the lower level', () => {
    expect(nominationStatusOf(['forwarded', 'appraised'])).toBe('appraised');
    expect(nominationStatusOf(['forwarded', 'declined'])).toBe('forwarded');
    expect(nominationStatusOf(['forwarded', 'decided'])).toBe('decided');
  });
  it('leaves tờ trình before reception and empty ones alone', () => {
    expect(nominationStatusOf(['draft'])).toBeNull();
    expect(nominationStatusOf([])).toBeNull();
  });
});
