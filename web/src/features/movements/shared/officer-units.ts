import type { SessionUser } from '../../../../../contracts/auth.ts';

/** The units the user is an emulation officer of (the first is the default launching unit). */
export function officerUnits(user: SessionUser | null): { id: string; name: string }[] {
  return (user?.grants ?? [])
    .filter((grant) => grant.role === 'tdkt_officer' && grant.unitId)
    .map((grant) => ({ id: grant.unitId ?? '', name: grant.unitName ?? 'Đơn vị được phân quyền' }));
}

/** True when the user may create movements somewhere (officers and administrators). */
export function canCreateMovements(user: SessionUser | null): boolean {
  return (user?.grants ?? []).some((grant) => grant.role === 'tdkt_officer' || grant.role === 'admin');
}

/** A period as written in plans: "2019–2025" (one year alone when both ends are equal). */
export function formatPeriod(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
