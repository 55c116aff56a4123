import { sql } from 'drizzle-orm';
import { tallySession } from '#server/modules/council-sessions/index.ts';
import { listAgenda } from '#server/modules/council-sessions/sessions/agenda.service.ts';
import { closeSession } from '#server/modules/council-sessions/sessions/close.service.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import { openPglite } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { printTargets, target } from './targets.ts';

/** Issue 12: a council session of 2,000 nominees listed (a page) and tallied. */
const NOMINEES = 2000;
const MEMBERS = 25;
const PAGE_TARGET_MS = 200;
const TALLY_TARGET_MS = 1000;
const CLOSE_TARGET_MS = 5000;

const admin: Principal = {
  id: '00000000-0000-4000-8000-00000000aaaa',
  username: 'bench',
  fullName: 'Bench',
  grants: [],
  scopedGrants: [{ role: 'admin', unitId: null, unitPath: null }],
};

/** A province, its council of 25 members, one tờ trình of 2,000 nominees in council, and every member's ballots. */
async function seed(db: Awaited<ReturnType<typeof openPglite>>['db']) {
  const script = `
    insert into units (id, path, name, code, kind, sort_key)
      values ('00000000-0000-4000-8000-000000000001', '/00000000-0000-4000-8000-000000000001/', 'UBND tỉnh Bench', 'BENCH', 'province', 'ubnd tinh bench');
    insert into persons (id, full_name, gender, category, unit_id, sort_key)
      select ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, 'Nguyễn Văn Bench ' || g, 'male', 'civil_servant',
        '00000000-0000-4000-8000-000000000001', 'nguyen van bench ' || g from generate_series(1, ${NOMINEES + MEMBERS}) g;
    insert into councils (id, unit_id, name) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Hội đồng TĐKT tỉnh Bench');
    insert into council_members (id, council_id, person_id, role, term_from)
      select ('00000000-0000-4000-8002-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000002',
        ('00000000-0000-4000-8001-' || lpad((${NOMINEES} + g)::text, 12, '0'))::uuid, case g when 1 then 'chair' when 2 then 'secretary' else 'member' end, '2021-01-01'
      from generate_series(1, ${MEMBERS}) g;
    insert into award_rounds (id, kind, title, year, receiving_unit_id) values ('00000000-0000-4000-8000-000000000003', 'tong_ket', 'Tổng kết 2025', 2025, '00000000-0000-4000-8000-000000000001');
    insert into nominations (id, round_id, proposing_unit_id, title, decider_tier, status)
      values ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'Tờ trình Bench', 'receiving_level', 'in_council');
    insert into nominees (id, nomination_id, subject, person_id, award_code, reward_type, period_from, period_to, position, status)
      select ('00000000-0000-4000-8003-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000004', 'individual',
        ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, case when g % 10 = 0 then 'CSTD_BO_TINH' else 'BK_BO_TINH' end,
        'thuong_xuyen', 2024, 2025, g, 'in_council' from generate_series(1, ${NOMINEES}) g;
    insert into council_sessions (id, council_id, title, meeting_date, place, closes_at, chair_member_id, secretary_member_id)
      values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000002', 'Phiên họp Bench', '2025-12-10', 'Hội trường',
        now() + interval '1 day', '00000000-0000-4000-8002-000000000001', '00000000-0000-4000-8002-000000000002');
    insert into council_session_members (session_id, member_id)
      select '00000000-0000-4000-8000-000000000005', id from council_members where council_id = '00000000-0000-4000-8000-000000000002';
    insert into council_agenda_items (id, session_id, nominee_id, position)
      select ('00000000-0000-4000-8004-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000005',
        ('00000000-0000-4000-8003-' || lpad(g::text, 12, '0'))::uuid, g from generate_series(1, ${NOMINEES}) g;
    insert into ballot_counts (agenda_item_id, agree, disagree)
      select id, ${MEMBERS} - (position % 7), position % 7 from council_agenda_items;
    insert into ballot_receipts (session_id, nominee_id, member_id)
      select a.session_id, a.nominee_id, m.member_id from council_agenda_items a cross join council_session_members m;
    analyze`;
  // One statement at a time (a prepared statement holds one); the figures are inlined constants.
  for (const statement of script.split(';\n')) await db.execute(sql.raw(statement));
}

const median = (times: number[]) =>
  Math.round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0);
async function timed(run: () => Promise<unknown>, repeat = 5) {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** In-process PGlite: the agenda's first and 40th page of 50, the tally of 2,000 nominees, and the close. */
export async function runCouncilSessionsBench() {
  const handle = await openPglite(null);
  await migrateDatabase(handle);
  await seed(handle.db);
  const caller = { principal: admin, actor: systemActor('bench') };
  const sessionId = '00000000-0000-4000-8000-000000000005';
  const first = await listAgenda(handle.db, caller, sessionId, { limit: 50 });
  let cursor = first.next;
  for (let page = 2; page < 40 && cursor; page += 1)
    cursor = (await listAgenda(handle.db, caller, sessionId, { limit: 50, after: cursor })).next;
  const firstPageMs = await timed(() => listAgenda(handle.db, caller, sessionId, { limit: 50 }));
  const deepPageMs = await timed(() =>
    listAgenda(handle.db, caller, sessionId, { limit: 50, after: cursor ?? undefined }),
  );
  const tallyMs = await timed(() => tallySession(handle.db, sessionId, '2025-12-10'));
  const tallies = await tallySession(handle.db, sessionId, '2025-12-10');
  const started = performance.now();
  await closeSession(handle.db, caller, sessionId, 1);
  const closeMs = Math.round(performance.now() - started);
  await handle.close();
  const targets = [
    target(`trang 1 chương trình ${NOMINEES} đối tượng (50 dòng)`, firstPageMs, PAGE_TARGET_MS, 'ms'),
    target('trang thứ 40 (50 dòng)', deepPageMs, PAGE_TARGET_MS, 'ms'),
    target(`kiểm phiếu ${NOMINEES} đối tượng, ${MEMBERS} thành viên`, tallyMs, TALLY_TARGET_MS, 'ms'),
    target('kết thúc phiên họp (kiểm phiếu, lưu kết quả, chuyển trạng thái)', closeMs, CLOSE_TARGET_MS, 'ms'),
  ];
  const passed = tallies.filter((item) => item.tally.result === 'passed').length;
  console.log(
    `\nPhiên họp Hội đồng / council sessions (PGlite in process; ${passed} đạt, ${tallies.length - passed} không đạt; under load):`,
  );
  printTargets(targets);
  return { nominees: NOMINEES, members: MEMBERS, firstPageMs, deepPageMs, tallyMs, closeMs, targets };
}
