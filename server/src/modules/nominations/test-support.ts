import { buildPerson, buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

/** A province receiving a round, a district and a commune below it, officers at each end, two people. */
export async function buildNominationScene(t: TestApp) {
  const db = t.handle.db;
  const province = await buildUnit(db, { name: 'Tỉnh Tờ Trình' });
  const district = await buildUnit(db, { parentId: province.id, name: 'Huyện Tờ Trình' });
  const commune = await buildUnit(db, { parentId: district.id, name: 'Xã Tờ Trình' });
  const other = await buildUnit(db, { name: 'Tỉnh Bên Cạnh' });
  const provinceOfficer = await signInAs(t, 'tdkt_officer', province.id);
  const communeOfficer = await signInAs(t, 'tdkt_officer', commune.id);
  const otherOfficer = await signInAs(t, 'tdkt_officer', other.id);
  const people = [
    await buildPerson(db, { unitId: commune.id, fullName: 'Nguyễn Thị Hoa' }),
    await buildPerson(db, { unitId: commune.id, fullName: 'Trần Văn Bình' }),
  ];
  const outsider = await buildPerson(db, { unitId: other.id, fullName: 'Lê Văn Ngoài' });
  const round = await t.app.inject({
    method: 'POST',
    url: '/api/award-rounds',
    headers: provinceOfficer.headers,
    payload: { kind: 'tong_ket', title: 'Tổng kết 2025', year: 2025, receivingUnitId: province.id },
  });
  const nominee = (personId: string, awardCode = 'BK_BO_TINH') => ({
    subject: 'individual',
    personId,
    awardCode,
    rewardType: 'thuong_xuyen',
    periodFrom: 2024,
    periodTo: 2025,
    achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục.',
  });
  const draft = (nominees = people.map((person) => nominee(person.id))) => ({
    roundId: round.json().id as string,
    proposingUnitId: commune.id,
    title: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
    nominees,
  });
  return {
    province,
    district,
    commune,
    other,
    provinceOfficer,
    communeOfficer,
    otherOfficer,
    people,
    outsider,
    roundId: round.json().id as string,
    nominee,
    draft,
  };
}
