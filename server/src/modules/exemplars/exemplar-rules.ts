import {
  EXEMPLAR_STAGES,
  type ExemplarAction,
  type ExemplarStage,
  type ExemplarStatus,
} from '#contracts/exemplars.ts';

/** The stage after `stage` (phát hiện → bồi dưỡng → tổng kết → nhân rộng), or null after the last. */
export function nextStage(stage: ExemplarStage): ExemplarStage | null {
  return EXEMPLAR_STAGES[EXEMPLAR_STAGES.indexOf(stage) + 1] ?? null;
}

/** What the policy needs of an exemplar. */
export interface ExemplarPlace {
  unitPath: string;
  status: ExemplarStatus;
  stage: ExemplarStage;
  isPublished: boolean;
}

/**
 * The actions on an exemplar in its state, for a user who manages it (an emulation officer of the
 * proposing unit or above) and/or confirms it (an officer strictly above the proposing unit).
 */
export function exemplarActions(
  place: ExemplarPlace,
  roles: { canManage: boolean; canConfirm: boolean },
): ExemplarAction[] {
  const actions: ExemplarAction[] = [];
  const confirmed = place.status === 'confirmed';
  if (roles.canManage) actions.push('edit', 'files', 'replications', 'awards');
  // Proposing again is the proposing side's answer to a return, not the confirming level's.
  if (roles.canManage && !roles.canConfirm && place.status === 'returned') actions.push('propose');
  if (roles.canConfirm && place.status === 'proposed') actions.push('confirm', 'return');
  if (roles.canManage && confirmed && nextStage(place.stage)) actions.push('advance');
  if (roles.canManage && confirmed && !place.isPublished) actions.push('publish');
  if (roles.canManage && place.isPublished) actions.push('withdraw');
  return actions;
}

/** Why an action the user may take in general is refused in the exemplar's state (409). */
export const stateMessages: Partial<Record<ExemplarAction, string>> = {
  propose: 'Chỉ đề xuất lại được điển hình đã bị trả lại.',
  confirm: 'Chỉ xác nhận được điển hình đang chờ xác nhận.',
  return: 'Chỉ trả lại được điển hình đang chờ xác nhận.',
  advance: 'Chỉ chuyển giai đoạn khi điển hình đã được cấp trên xác nhận và chưa ở giai đoạn nhân rộng.',
  publish: 'Chỉ công bố được điển hình đã được xác nhận và chưa công bố.',
  withdraw: 'Điển hình này chưa được công bố.',
};
