import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildCouncil, buildPerson, buildUnit, buildUser, type Client, signIn } from '../factories.ts';
import type { TestApp } from '../test-app.ts';

/** Records the fuzz requests point at, so that valid requests reach the handlers' real work. */
export interface FuzzRecords {
  ids: Record<string, string>;
  /** Code of the unit the ids name (`unit`), for uploaded files. */
  unitCode: string;
  /** The id for a field (`unitId`, `personId` …) or a path segment (`units`, `persons` …). */
  idFor(name: string): string | undefined;
}

/** Creates one of everything (units, a person, a council with a member, a bloc, movements …) as an admin. */
export async function buildFuzzRecords(t: TestApp, admin: Client, tag: string): Promise<FuzzRecords> {
  const db = t.handle.db;
  const root = await buildUnit(db, { name: `Tỉnh Thử nghiệm ${tag}`, kind: 'province' });
  const child = await buildUnit(db, { parentId: root.id, name: `Sở Thử nghiệm ${tag}`, kind: 'department' });
  const other = await buildUnit(db, { parentId: root.id, name: `Sở Khác ${tag}`, kind: 'department' });
  const person = await buildPerson(db, { unitId: child.id, fullName: `Trần Thử Nghiệm ${tag}` });
  const council = await buildCouncil(db, { unitId: root.id });
  const user = await buildUser(db, { role: 'staff', unitId: child.id });
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
    if (response.statusCode >= 300)
      throw new Error(`fixture ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const withMember = await post(`/api/councils/${council.id}/members`, {
    personId: person.id,
    role: 'member',
    termFrom: '2021-01-01',
  });
  const bloc = await post('/api/blocs', {
    councilId: council.id,
    year: 2024,
    name: `Khối thử nghiệm ${tag}`,
    members: [{ unitId: child.id, role: 'head' }, { unitId: other.id }],
  });
  // A period running today: a period that is over is warned about at launch and refused at registration.
  const thisYear = new Date().getFullYear();
  const movementBody = {
    kind: 'thematic',
    periodFrom: thisYear,
    periodTo: thisYear + 4,
    launchingUnitId: root.id,
  };
  const draft = await post('/api/movements', { ...movementBody, name: `Phong trào dự thảo ${tag}` });
  const launched = await post('/api/movements', { ...movementBody, name: `Phong trào phát động ${tag}` });
  // Issued at launch, the plan carries its number, date and signer.
  const filled = await t.app.inject({
    method: 'PATCH',
    url: `/api/movements/${launched.id}/plan/document`,
    headers: admin.headers,
    payload: {
      version: launched.version,
      number: `9/KH-${tag}`,
      date: `${thisYear}-01-15`,
      signerName: 'Nguyễn Văn Ký',
    },
  });
  if (filled.statusCode !== 200)
    throw new Error(`fixture plan document: ${filled.statusCode} ${filled.body}`);
  await post(`/api/movements/${launched.id}/launch`, { planDeadline: '2030-12-31' });
  const registration = await post(`/api/movements/${launched.id}/registrations`, {
    unitId: child.id,
    pledge: 'Đăng ký hoàn thành xuất sắc nhiệm vụ',
  });
  const milestone = await post(`/api/movements/${launched.id}/milestones`, {
    title: 'Sơ kết giữa kỳ',
    dueOn: '2030-06-30',
  });
  const assignment = await post(`/api/movements/${launched.id}/assignments`, {
    assigneeUnitId: child.id,
    task: 'Báo cáo kết quả thực hiện',
  });
  const cascade = await t.app.inject({
    method: 'GET',
    url: `/api/movements/${launched.id}/cascade`,
    headers: admin.headers,
  });
  const obligation = cascade.json().rows?.find((row: { obligationId: string | null }) => row.obligationId);
  const ids: Record<string, string> = {
    units: child.id,
    unit: child.id,
    parent: root.id,
    launchingUnit: child.id,
    assigneeUnit: other.id,
    successor: other.id,
    persons: person.id,
    person: person.id,
    councils: council.id,
    council: council.id,
    member: withMember.members?.[0]?.id,
    supervisorMember: withMember.members?.[0]?.id,
    blocs: bloc.id,
    movements: draft.id,
    movement: draft.id,
    parentMovement: launched.id,
    againstMovement: launched.id,
    registrations: registration.id,
    milestones: milestone.id,
    assignments: assignment.id,
    obligations: obligation?.obligationId,
    user: user.id,
    users: user.id,
  };
  return {
    ids,
    unitCode: child.code,
    idFor: (name) => ids[name.replace(/Ids?$/, '')] ?? ids[name],
  };
}

/** Signs in a fresh admin (system-wide), so requests pass the access checks and reach the handlers. */
export async function signInAdmin(t: TestApp): Promise<Client> {
  const admin = await buildUser(t.handle.db, { role: 'admin' });
  return signIn(t, admin.username);
}

/** Files with what an import must never store: control characters, impossible dates, broken archives. */
export async function craftedFiles(): Promise<{ name: string; content: Buffer | string }[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Đối tượng',
    'Mã đơn vị',
    'Tên đơn vị',
    'Loại đơn vị',
  ]);
  sheet.addRow(['Nguyễn\u0001Văn\u001bAn', 'Nam', '30/02/1990', 'Công chức', 'X\u0000Y', 'Sở\u0007', 'Khác']);
  sheet.addRow(['Lê Thị Bình', 'Nữ', new Date(Number.NaN), 'Viên chức', 'FUZZ', 'Sở B', 'Khác']);
  sheet.addRow(['Lò Văn Cường', 'Nam', new Date(Date.UTC(1800, 0, 1)), 'Viên chức', 'FUZZ', 'Sở C', 'Khác']);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const docx = async (text: string) => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    );
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const goodDocx = await docx(
    'KẾ HOẠCH Tổ chức phong trào thi đua năm 2024 &#0; &#x1b; &#x110000; &#xD800; &#99999999999;',
  );
  const brokenDocx = Buffer.from(goodDocx);
  brokenDocx.fill(0x41, 60, 90);
  const unitHeader =
    'Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại đơn vị,Mã đơn vị cấp trên,Tập thể lãnh đạo (ký TM.),Hiệu lực từ ngày,Hiệu lực đến ngày';
  const personHeader =
    'Họ và tên,Giới tính,Ngày sinh,Số định danh cá nhân,Đối tượng,Chức vụ,Lãnh đạo quản lý,Trực tiếp lao động,Mã đơn vị,Ngày bắt đầu công tác';
  return [
    {
      name: 'nguoi.csv',
      content: `${personHeader}\r\nNguyễn\u0000An,Nam,30/02/1990,,Công chức,\u001b[31m,Có,Không,X\u0000,31/13/2020\r\n`,
    },
    {
      name: 'donvi.csv',
      content: `${unitHeader}\r\nFUZZ.X,Sở\u0000X,\u0085,Khác,P\u0000,Có,01/01/0000,31/12/9999\r\n`,
    },
    {
      name: 'donvi-ngay.csv',
      content: `${unitHeader}\r\nFUZZ.Y,Sở Y,,Khác,,Không,29/02/2025,01/01/2020\r\n`,
    },
    { name: 'bang.xlsx', content: xlsx },
    { name: 'cut.xlsx', content: xlsx.subarray(0, Math.floor(xlsx.length / 2)) },
    { name: 'kehoach.txt', content: 'KẾ HOẠCH\r\nThi đua\u0000 năm 2024\r\n\u001b[2J\ud800 lỗi\r\n' },
    { name: 'kehoach.docx', content: goodDocx },
    { name: 'hong.docx', content: brokenDocx },
    { name: 'rong.txt', content: '' },
    { name: 'nhiphan.bin', content: Buffer.from([0, 159, 146, 150, 0, 0, 1]) },
  ];
}

/** A file each upload route accepts: one person, one unit, or a short plan. */
export function validUploadFor(path: string, unitCode: string): { name: string; content: string } {
  if (path.startsWith('/api/persons')) {
    const header =
      'Họ và tên,Giới tính,Ngày sinh,Số định danh cá nhân,Đối tượng,Chức vụ,Lãnh đạo quản lý,Trực tiếp lao động,Mã đơn vị,Ngày bắt đầu công tác';
    return {
      name: 'nguoi.csv',
      content: `${header}\r\nHoàng Văn Tải,Nam,17/05/1980,,Công chức,Chuyên viên,Không,Không,${unitCode},\r\n`,
    };
  }
  if (path.startsWith('/api/units')) {
    const header =
      'Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại đơn vị,Mã đơn vị cấp trên,Tập thể lãnh đạo (ký TM.),Hiệu lực từ ngày,Hiệu lực đến ngày';
    return {
      name: 'donvi.csv',
      content: `${header}\r\n${unitCode}.TAI,Phòng Tải lên,,Khác,${unitCode},Không,,\r\n`,
    };
  }
  return {
    name: 'kehoach.txt',
    content:
      'KẾ HOẠCH\nTổ chức phong trào thi đua “Đoàn kết, sáng tạo” giai đoạn 2024-2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Động viên cán bộ thi đua hoàn thành nhiệm vụ.\n',
  };
}
