import type { BlocMemberRole } from '#contracts/organisation.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** A member unit of a bloc with its role and stable position. */
export interface RotatingMember {
  unitId: string;
  role: BlocMemberRole;
  position: number;
}

/**
 * Next year's members: the member after this year's head (in the stable position order, wrapping
 * round) becomes head and the old head becomes an ordinary member; everyone else keeps their role.
 * Without a head, the first member becomes head.
 */
export function rotateHead(members: readonly RotatingMember[]): RotatingMember[] {
  const ordered = [...members].sort((a, b) => a.position - b.position);
  if (!ordered.length) return [];
  const headIndex = ordered.findIndex((member) => member.role === 'head');
  const nextIndex = ordered.length === 1 ? 0 : (headIndex + 1) % ordered.length;
  return ordered.map((member, index) => ({
    ...member,
    role: index === nextIndex ? 'head' : member.role === 'head' ? 'member' : member.role,
  }));
}

/** Refuses member lists with a unit twice or more than one head; returns them with positions. */
export function planMembers(members: readonly { unitId: string; role: BlocMemberRole }[]): RotatingMember[] {
  if (new Set(members.map((member) => member.unitId)).size !== members.length) {
    throw new AppError('VALIDATION_FAILED', 'Một đơn vị chỉ được ghi một lần trong khối/cụm.', [
      { path: 'members', message: 'Đơn vị bị lặp' },
    ]);
  }
  if (members.filter((member) => member.role === 'head').length > 1) {
    throw new AppError('VALIDATION_FAILED', 'Mỗi khối/cụm chỉ có một đơn vị trưởng.', [
      { path: 'members', message: 'Nhiều hơn một trưởng khối/cụm' },
    ]);
  }
  return members.map((member, index) => ({ ...member, position: index + 1 }));
}
