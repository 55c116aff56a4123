import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type Role, roleLabels } from '#contracts/auth.ts';
import { createUser } from '#server/modules/users/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { generatePassword } from '#server/platform/auth/password.ts';
import type { Database } from '#server/platform/db/client.ts';
import { users } from '#server/platform/db/schema.ts';

/**
 * The council seats the demo's voting members sit on (chair first: they close the session), each named
 * by its role and the unit its holder heads: two vice-chairs share a role, and Sở Nội vụ's supervises
 * the districts' cluster whose reports the account reads.
 */
export const councilVoters = [
  { username: 'demo.council.chair', fullName: 'Lê Văn Lương', seat: 'chair', seatUnit: 'LCI' },
  { username: 'demo.council.snv', fullName: 'Vàng Thị Dung', seat: 'vice_chair', seatUnit: 'LCI.SNV' },
  { username: 'demo.council.ldld', fullName: 'Tống Thanh Hải', seat: 'vice_chair', seatUnit: 'LCI.LDLD' },
  {
    username: 'demo.council.btdkt',
    fullName: 'Phạm Thị Lan',
    seat: 'standing_member',
    seatUnit: 'LCI.SNV.BTDKT',
  },
] as const;

/** The demo accounts of the embedded mode: one per role, with the unit code each is granted on. */
export const demoAccounts: { username: string; fullName: string; role: Role; unitCode: string | null }[] = [
  { username: 'demo.admin', fullName: 'Quản trị Hệ thống', role: 'admin', unitCode: null },
  // The officer of Sở Nội vụ Lai Châu works for the whole province: the grant covers LCI.
  { username: 'demo.officer', fullName: 'Nguyễn Thị Thu Hà', role: 'tdkt_officer', unitCode: 'LCI' },
  // Tam Đường's officer works for the commune that succeeded the district on 01/7/2025: movements
  // launched today reach it, and the scope still follows the succession back to the district's records.
  {
    username: 'demo.officer.tamduong',
    fullName: 'Lò Thị Hương',
    role: 'tdkt_officer',
    unitCode: 'LCI.X.TDG',
  },
  { username: 'demo.head', fullName: 'Lò Văn Thắng', role: 'unit_head', unitCode: 'LCI.SNV' },
  { username: 'demo.council', fullName: 'Hoàng Văn Minh', role: 'council_member', unitCode: 'LCI' },
  { username: 'demo.staff', fullName: 'Tẩn Thị Mai', role: 'staff', unitCode: 'LCI.SNV' },
  // Members of the provincial council who voted at the closed session of the demo round (its chair
  // closed it): their ballot pages show the result, the minutes carry their votes.
  ...councilVoters.map((voter) => ({ ...voter, role: 'council_member' as const, unitCode: 'LCI' })),
];

/**
 * Creates the demo accounts the first time (random passwords unless TDKT_DEMO_PASSWORD is set),
 * writes them to data/demo-accounts.txt and returns the lines to print; null when they already exist.
 */
export async function ensureDemoAccounts(
  db: Database,
  options: { dataDir: string; fixedPassword?: string | undefined; unitIdByCode: Map<string, string> },
): Promise<string[] | null> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo.admin'));
  if (existing) return null;
  const lines: string[] = [];
  for (const account of demoAccounts) {
    const password = options.fixedPassword ?? generatePassword();
    await createUser(
      db,
      {
        username: account.username,
        fullName: account.fullName,
        password,
        role: account.role,
        unitId: account.unitCode ? (options.unitIdByCode.get(account.unitCode) ?? null) : null,
      },
      systemActor('demo'),
    );
    lines.push(`${account.username.padEnd(24)} ${password.padEnd(20)} ${roleLabels[account.role]}`);
  }
  const text = `Tài khoản demo TĐKT / TĐKT demo accounts\n${'Tên đăng nhập'.padEnd(24)} ${'Mật khẩu'.padEnd(20)} Vai trò\n${lines.join('\n')}\n`;
  writeFileSync(path.join(options.dataDir, 'demo-accounts.txt'), text, { mode: 0o600 });
  return text.trimEnd().split('\n');
}
