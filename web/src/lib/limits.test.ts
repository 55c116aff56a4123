import { describe, expect, it } from 'vitest';
import { CouncilMemberBody, CreateCouncilBody } from '../../../contracts/councils.ts';
import { ReturnBody } from '../../../contracts/movement-tracking.ts';
import { CreateMovementBody, NotApplicableBody } from '../../../contracts/movements.ts';
import { fieldLimitProps, textLimit } from './limits.ts';

describe('input limits from the contracts', () => {
  it('reads the length limit of text fields, through optional, nullable and refined schemas', () => {
    expect(fieldLimitProps(CreateMovementBody, 'name')).toEqual({ maxLength: 500, showCount: true });
    expect(fieldLimitProps(CreateMovementBody, 'theme')).toEqual({ maxLength: 500, showCount: true });
    expect(fieldLimitProps(CreateCouncilBody, 'name')).toEqual({ maxLength: 300, showCount: true });
    expect(textLimit(ReturnBody.shape.reason)).toBeGreaterThan(0);
    expect(textLimit(NotApplicableBody.shape.reason)).toBeGreaterThan(0);
  });

  it('gives nothing for fields that are not free text', () => {
    expect(fieldLimitProps(CouncilMemberBody, 'termFrom')).toEqual({});
    expect(fieldLimitProps(CreateMovementBody, 'periodFrom')).toEqual({});
    expect(fieldLimitProps(CreateMovementBody, 'missing')).toEqual({});
  });
});
