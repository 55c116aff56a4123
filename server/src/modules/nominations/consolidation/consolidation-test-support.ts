import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../../tests/support/test-app.ts';

type Headers = Record<string, string>;

/**
 * A province over two districts, a commune under the first: the commune's tờ trình (two Bằng khen
 * of the province chairman) sent to the district's round and received there, and the district's
 * own draft to the province's round, ready to consolidate into.
 */
export async function buildConsolidationScene(t: TestApp) {
  const db = t.handle.db;
  const province = await buildUnit(db, { name: 'Tỉnh Tổng Hợp', kind: 'province' });
  const district = await buildUnit(db, { parentId: province.id, name: 'Huyện Tổng Hợp', kind: 'district' });
  const sideDistrict = await buildUnit(db, { parentId: province.id, name: 'Huyện Bên', kind: 'district' });
  const commune = await buildUnit(db, { parentId: district.id, name: 'Xã Tổng Hợp', kind: 'commune' });
  const provinceOfficer = await signInAs(t, 'tdkt_officer', province.id);
  const districtOfficer = await signInAs(t, 'tdkt_officer', district.id);
  const sideOfficer = await signInAs(t, 'tdkt_officer', sideDistrict.id);
  const communeOfficer = await signInAs(t, 'tdkt_officer', commune.id);
  const people = [
    await buildPerson(db, { unitId: commune.id, fullName: 'Phạm Thị Lan' }),
    await buildPerson(db, { unitId: commune.id, fullName: 'Hoàng Văn Nam' }),
    await buildPerson(db, { unitId: commune.id, fullName: 'Đỗ Thị Mai' }),
  ];
  const districtPerson = await buildPerson(db, { unitId: district.id, fullName: 'Vũ Văn Huyện' });
  const post = async (url: string, headers: Headers, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers, payload });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response.json();
  };
  const round = (unitId: string, headers: Headers, title: string) =>
    post('/api/award-rounds', headers, { kind: 'tong_ket', title, year: 2025, receivingUnitId: unitId });
  const districtRound = await round(district.id, districtOfficer.headers, 'Tổng kết huyện 2025');
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
  const communeNomination = await post('/api/nominations', communeOfficer.headers, {
    roundId: districtRound.id,
    proposingUnitId: commune.id,
    title: 'Tờ trình của xã đề nghị Bằng khen của Chủ tịch UBND tỉnh',
    nominees: [nominee(first), nominee(second)],
  });
  await post(`/api/nominations/${communeNomination.id}/submit`, communeOfficer.headers, { version: 1 });
  const received = await post(`/api/nominations/${communeNomination.id}/receive`, districtOfficer.headers, {
    version: 2,
  });
  // A second tờ trình of the commune, sent but not yet received by the district.
  const pending = await post('/api/nominations', communeOfficer.headers, {
    roundId: districtRound.id,
    proposingUnitId: commune.id,
    title: 'Tờ trình bổ sung của xã',
    nominees: [nominee(third)],
  });
  await post(`/api/nominations/${pending.id}/submit`, communeOfficer.headers, { version: 1 });
  const upper = await post('/api/nominations', districtOfficer.headers, {
    roundId: provinceRound.id,
    proposingUnitId: district.id,
    title: 'Tờ trình của huyện đề nghị Bằng khen của Chủ tịch UBND tỉnh',
    nominees: [nominee(districtPerson.id)],
  });
  const sideUpper = await post('/api/nominations', sideOfficer.headers, {
    roundId: provinceRound.id,
    proposingUnitId: sideDistrict.id,
    title: 'Tờ trình của huyện bên',
    nominees: [nominee((await buildPerson(db, { unitId: sideDistrict.id })).id)],
  });
  return {
    province,
    district,
    commune,
    provinceOfficer,
    districtOfficer,
    sideOfficer,
    communeOfficer,
    communeNomination: received as { id: string; nominees: { id: string }[] },
    pendingNominee: (pending.nominees as { id: string }[])[0]?.id as string,
    upper: upper as { id: string; version: number },
    sideUpper: sideUpper as { id: string; version: number },
    nominee,
  };
}
