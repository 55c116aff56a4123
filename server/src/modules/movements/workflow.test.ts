import { describe, expect, it } from 'vitest';
import { AppError } from '#server/platform/http/app-error.ts';
import { editMakesNewVersion, nextMovementStatus } from './movement-workflow.ts';
import { defaultPlanDeadline, obligationStatus } from './obligations/obligation-status.ts';
import { nextRegistrationStatus, registrationMoves } from './registrations/registration-workflow.ts';

describe('registration workflow', () => {
  it('goes draft → submitted → approved, and returned can be resubmitted', () => {
    expect(nextRegistrationStatus('draft', 'submit')).toBe('submitted');
    expect(nextRegistrationStatus('submitted', 'approve')).toBe('approved');
    expect(nextRegistrationStatus('submitted', 'return')).toBe('returned');
    expect(nextRegistrationStatus('returned', 'submit')).toBe('submitted');
    expect(nextRegistrationStatus('returned', 'edit')).toBe('returned');
  });

  it('refuses a second submit and approving a draft with a typed CONFLICT in Vietnamese', () => {
    const second = () => nextRegistrationStatus('submitted', 'submit');
    expect(second).toThrow(AppError);
    try {
      second();
    } catch (error) {
      expect((error as AppError).code).toBe('CONFLICT');
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).message).toMatch(/đã được gửi/);
    }
    expect(() => nextRegistrationStatus('draft', 'approve')).toThrow(/Chỉ duyệt/);
    expect(() => nextRegistrationStatus('approved', 'edit')).toThrow(AppError);
  });

  it('lists the moves of each state', () => {
    expect(registrationMoves('draft')).toEqual(['edit', 'submit']);
    expect(registrationMoves('submitted')).toEqual(['approve', 'return']);
    expect(registrationMoves('approved')).toEqual([]);
  });
});

describe('movement workflow', () => {
  it('launches a draft once and refuses a second launch', () => {
    expect(nextMovementStatus('draft', 'launch')).toBe('launched');
    expect(() => nextMovementStatus('launched', 'launch')).toThrow(/đã được phát động/);
    expect(nextMovementStatus('launched', 'close')).toBe('closed');
    expect(() => nextMovementStatus('closed', 'edit')).toThrow(AppError);
  });

  it('keeps versions only after launch', () => {
    expect(editMakesNewVersion('draft')).toBe(false);
    expect(editMakesNewVersion('launched')).toBe(true);
  });
});

describe('obligationStatus', () => {
  const today = '2019-10-15';
  it('tells on time, late, pending, missing and not applicable', () => {
    expect(obligationStatus(null, today)).toBe('none');
    expect(obligationStatus({ state: 'issued', dueOn: '2019-09-30', issuedOn: '2019-09-30' }, today)).toBe(
      'on_time',
    );
    expect(obligationStatus({ state: 'issued', dueOn: '2019-09-30', issuedOn: '2019-10-01' }, today)).toBe(
      'late',
    );
    expect(obligationStatus({ state: 'pending', dueOn: '2019-10-15', issuedOn: null }, today)).toBe(
      'pending',
    );
    expect(obligationStatus({ state: 'pending', dueOn: '2019-10-14', issuedOn: null }, today)).toBe(
      'missing',
    );
    expect(obligationStatus({ state: 'not_applicable', dueOn: '2019-01-01', issuedOn: null }, today)).toBe(
      'not_applicable',
    );
  });

  it('gives implementing plans 30 days by default', () => {
    expect(defaultPlanDeadline('2019-08-21')).toBe('2019-09-20');
  });
});
