import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../../tests/support/test-app.ts';

type Headers = Record<string, string>;

/**
 * A province over two departments, a school under the first: the school's tờ trình (two Bằng khen
 * of the province chairman) sent to the department's round and received there, and the department's
 * own draft to the province's round, ready to consolidate into.
 */
export async function buildConsolidationScene(t: TestApp) {
  const db = t.handle.db;
  const province = await buildUnit(db, { name: 'Tỉnh Tổng Hợp', kind: 'province' });
  const department = await buildUnit(db, { parentId: province.id, name: 'Sở Tổng Hợp', kind: 'department' });
  const sideDepartment = await buildUnit(db, { parentId: province.id, name: 'Sở Bên', kind: 'department' });
  const school = await buildUnit(db, {
    parentId: department.id,
    name: 'Trường Tổng Hợp',
    kind: 'public_service',
  });
  const provinceOfficer = await signInAs(t, 'tdkt_officer', province.id);
  const departmentOfficer = await signInAs(t, 'tdkt_officer', department.id);
  const sideOfficer = await signInAs(t, 'tdkt_officer', sideDepartment.id);
  const schoolOfficer = await signInAs(t, 'tdkt_officer', school.id);
  const people = [
    await buildPerson(db, { unitId: school.id, fullName: 'Phạm Thị Lan' }),
    await buildPerson(db, { unitId: school.id, fullName: 'Hoàng Văn Nam' }),
    await buildPerson(db, { unitId: school.id, fullName: 'Đỗ Thị Mai' }),
  ];
  const departmentPerson = await buildPerson(db, { unitId: department.id, fullName: 'Vũ Văn Sở' });
  const post = async (url: string, headers: Headers, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers, payload });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response.json();
  };
  const round = (unitId: string, headers: Headers, title: string) =>
    post('/api/award-rounds', headers, { kind: 'tong_ket', title, year: 2025, receivingUnitId: unitId });
  const departmentRound = await round(department.id, departmentOfficer.headers, 'Tổng kết của sở 2025');
  const provinceRound = await round(province.id, provinceOfficer.headers, 'Tổng kết tỉnh 2025');
  const nominee = (personId: string, awardCode = 'BK_BO_TINH') => ({
    subject: 'individual',
    personId,
    awardCode,
    rewardType: 'thuong_xuyen',
    periodFrom: 2024,
    periodTo: 2025,
    achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục.',
  });
  const [first, second, third] = people.map((person) => person.id) as [string, string, string];
  const schoolNomination = await post('/api/nominations', schoolOfficer.headers, {
    roundId: departmentRound.id,
    proposingUnitId: school.id,
    title: 'Tờ trình của trường đề nghị Bằng khen của Chủ tịch UBND tỉnh',
    nominees: [nominee(first), nominee(second)],
  });
  await post(`/api/nominations/${schoolNomination.id}/submit`, schoolOfficer.headers, { version: 1 });
  const received = await post(`/api/nominations/${schoolNomination.id}/receive`, departmentOfficer.headers, {
    version: 2,
  });
  // A second tờ trình of the school, sent but not yet received by the department.
  const pending = await post('/api/nominations', schoolOfficer.headers, {
    roundId: departmentRound.id,
    proposingUnitId: school.id,
    title: 'Tờ trình bổ sung của trường',
    nominees: [nominee(third)],
  });
  await post(`/api/nominations/${pending.id}/submit`, schoolOfficer.headers, { version: 1 });
  const upper = await post('/api/nominations', departmentOfficer.headers, {
    roundId: provinceRound.id,
    proposingUnitId: department.id,
    title: 'Tờ trình của sở đề nghị Bằng khen của Chủ tịch UBND tỉnh',
    nominees: [nominee(departmentPerson.id)],
  });
  const sideUpper = await post('/api/nominations', sideOfficer.headers, {
    roundId: provinceRound.id,
    proposingUnitId: sideDepartment.id,
    title: 'Tờ trình của sở bên',
    nominees: [nominee((await buildPerson(db, { unitId: sideDepartment.id })).id)],
  });
  return {
    province,
    department,
    school,
    provinceOfficer,
    departmentOfficer,
    sideOfficer,
    schoolOfficer,
    departmentRoundId: departmentRound.id as string,
    schoolPersonId: third,
    schoolNomination: received as { id: string; nominees: { id: string }[] },
    pendingNominee: (pending.nominees as { id: string }[])[0]?.id as string,
    upper: upper as { id: string; version: number },
    sideUpper: sideUpper as { id: string; version: number },
    nominee,
  };
}
