import { roleLabels } from './auth.ts';
import { scoreStageLabels, scoringTableStatusLabels, sheetStatusLabels } from './bloc-scoring.ts';
import { blocKindLabels, blocMemberRoleLabels, councilRoleLabels } from './councils.ts';
import { registrationStatusLabels } from './movement-tracking.ts';
import { movementKindLabels, movementStatusLabels } from './movements.ts';
import { genderLabels, personCategoryLabels, successionKindLabels, unitKindLabels } from './organisation.ts';

/**
 * Vietnamese names of the fields an audit event's before/after may hold (the audited records'
 * columns and the figures some actions add), for the audit log's before/after table.
 */
export const auditFieldLabels: Record<string, string> = {
  // records of every kind
  version: 'Phiên bản',
  createdAt: 'Tạo lúc',
  createdBy: 'Người tạo',
  updatedAt: 'Sửa lúc',
  updatedBy: 'Người sửa',
  name: 'Tên',
  kind: 'Loại',
  status: 'Trạng thái',
  reason: 'Lý do',
  role: 'Vai trò',
  position: 'Chức vụ / thứ tự',
  // accounts
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  isActive: 'Đang hoạt động',
  userId: 'Tài khoản',
  // fairness thresholds of the dashboards
  directWorkerGap: 'Ngưỡng chênh lệch người lao động trực tiếp (điểm %)',
  womenGap: 'Ngưỡng chênh lệch nữ (điểm %)',
  smallCollectiveGap: 'Ngưỡng chênh lệch tập thể nhỏ (điểm %)',
  smallCollectiveSize: 'Tập thể nhỏ: tối đa (người)',
  // units
  unitId: 'Đơn vị',
  parentId: 'Đơn vị cấp trên',
  shortName: 'Tên viết tắt',
  code: 'Mã đơn vị',
  isCollegial: 'Cơ quan tập thể',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  successorIds: 'Đơn vị kế thừa',
  successorId: 'Đơn vị kế thừa',
  predecessorId: 'Đơn vị tiền thân',
  effectiveDate: 'Ngày có hiệu lực',
  imported: 'Số dòng đã nhập',
  // people
  personId: 'Cán bộ',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  idNumber: 'Số định danh',
  category: 'Đối tượng',
  isLeader: 'Là lãnh đạo',
  isDirectWorker: 'Trực tiếp sản xuất, công tác',
  startedOn: 'Bắt đầu',
  endedOn: 'Kết thúc',
  // councils and blocs
  councilId: 'Hội đồng',
  standingUnitId: 'Cơ quan thường trực',
  termFrom: 'Nhiệm kỳ từ',
  termTo: 'Nhiệm kỳ đến',
  memberCount: 'Số thành viên',
  blocId: 'Khối/cụm',
  year: 'Năm',
  fromYear: 'Chép từ năm',
  copied: 'Số khối/cụm đã chép',
  supervisorMemberId: 'Thành viên hội đồng phụ trách',
  members: 'Thành viên',
  // movements and plans
  theme: 'Chủ đề',
  periodFrom: 'Từ năm',
  periodTo: 'Đến năm',
  launchingUnitId: 'Đơn vị phát động',
  parentMovementId: 'Phong trào cấp trên',
  rootMovementId: 'Phong trào gốc',
  movementId: 'Phong trào',
  planNumber: 'Số kế hoạch',
  currentVersion: 'Phiên bản kế hoạch',
  newVersion: 'Phiên bản kế hoạch mới',
  planDeadline: 'Hạn ban hành kế hoạch triển khai',
  launchedAt: 'Phát động lúc',
  publishedAt: 'Công bố trên cổng công khai lúc',
  how: 'Cách tạo',
  detail: 'Chi tiết thay đổi',
  content: 'Nội dung kế hoạch',
  obligations: 'Số đơn vị phải ban hành kế hoạch',
  fulfilledObligationId: 'Kế hoạch triển khai đã hoàn thành',
  notified: 'Số thông báo đã gửi',
  milestones: 'Số mốc tiến độ',
  assignments: 'Số nhiệm vụ',
  state: 'Tình trạng',
  dueOn: 'Hạn',
  issuedAt: 'Ban hành lúc',
  implementingMovementId: 'Kế hoạch triển khai',
  title: 'Tiêu đề',
  doneAt: 'Hoàn thành lúc',
  assigneeUnitId: 'Đơn vị được giao',
  task: 'Nhiệm vụ',
  recurrence: 'Lặp lại',
  pledge: 'Nội dung đăng ký',
  targets: 'Chỉ tiêu',
  includedIds: 'Gồm các bản đăng ký',
  submittedAt: 'Gửi lúc',
  decidedAt: 'Quyết định lúc',
  decidedBy: 'Người quyết định',
  returnReason: 'Lý do trả lại',
  // plan edits (criteria, unclassified lines) and pledge targets
  op: 'Thao tác',
  tree: 'Nhóm tiêu chí',
  text: 'Nội dung',
  points: 'Điểm',
  index: 'Vị trí',
  line: 'Dòng',
  action: 'Cách xử lý',
  target: 'Đưa vào',
  sectionIndex: 'Mục số',
  label: 'Chỉ tiêu',
  value: 'Mức',
  unit: 'Đơn vị tính',
  // restore
  file: 'Tệp sao lưu',
  sourceEngine: 'Loại cơ sở dữ liệu nguồn',
  sourceMigrations: 'Số bản cập nhật cấu trúc của bản sao lưu',
  migrationsApplied: 'Bản cập nhật cấu trúc đã chạy thêm',
  rows: 'Số dòng',
  // bloc scoring
  criteria: 'Số tiêu chí',
  tieBreak: 'Thứ tự xét khi bằng điểm',
  leadingCount: 'Số đơn vị dẫn đầu',
  criterionId: 'Tiêu chí',
  stage: 'Bước chấm',
  figures: 'Số liệu',
  score: 'Điểm chấm',
  note: 'Ghi chú, lý do',
  explanation: 'Giải trình',
  sheets: 'Số bảng điểm',
  sourceTableId: 'Sao chép từ bảng tiêu chí',
  votes: 'Kết quả biểu quyết',
  leading: 'Đơn vị dẫn đầu',
  results: 'Kết quả xếp hạng',
  evidenceId: 'Minh chứng',
  fileName: 'Tên tệp',
  quotas: 'Hạn mức đề nghị khen thưởng',
  presentUnitIds: 'Đơn vị dự họp',
  proposals: 'Đề nghị khen thưởng',
  nextHeadUnitId: 'Khối trưởng năm sau',
  nextDeputyUnitId: 'Khối phó năm sau',
  nextBlocId: 'Khối, cụm năm sau',
  indicatorLinks: 'Chỉ tiêu báo cáo làm nguồn số liệu',
};

/** Fields kept in the trail for the machine (keys, sort keys, tree paths): not shown to people. */
export const auditHiddenFields: ReadonlySet<string> = new Set([
  'id',
  'sortKey',
  'searchTerms',
  'path',
  'sourceText',
]);

/** Fields whose values are record ids, and the kind of record each names (for name resolution). */
export const auditReferenceFields: Record<string, AuditReferenceKind> = {
  unitId: 'unit',
  parentId: 'unit',
  successorIds: 'unit',
  successorId: 'unit',
  predecessorId: 'unit',
  standingUnitId: 'unit',
  launchingUnitId: 'unit',
  assigneeUnitId: 'unit',
  personId: 'person',
  userId: 'user',
  createdBy: 'user',
  updatedBy: 'user',
  decidedBy: 'user',
  councilId: 'council',
  blocId: 'bloc',
  nextBlocId: 'bloc',
  presentUnitIds: 'unit',
  nextHeadUnitId: 'unit',
  nextDeputyUnitId: 'unit',
  supervisorMemberId: 'council_member',
  movementId: 'movement',
  parentMovementId: 'movement',
  rootMovementId: 'movement',
  implementingMovementId: 'movement',
  fulfilledObligationId: 'plan_obligation',
  includedIds: 'registration',
};
/** Kinds of record whose names the audit log looks up. */
export type AuditReferenceKind =
  | 'unit'
  | 'person'
  | 'user'
  | 'council'
  | 'council_member'
  | 'bloc'
  | 'movement'
  | 'movement_milestone'
  | 'movement_assignment'
  | 'plan_obligation'
  | 'registration';

const yesNo = { true: 'Có', false: 'Không' };

/** Vietnamese names of coded values, by field and (where one field means different things) by kind of record. */
const valueLabelsByField: Record<string, Record<string, string>> = {
  gender: genderLabels,
  category: personCategoryLabels,
  how: {
    hand: 'Tạo trực tiếp',
    import: 'Nhập từ văn bản',
    copy: 'Sao chép',
    implement: 'Triển khai kế hoạch cấp trên',
  },
  state: { pending: 'Chưa ban hành', issued: 'Đã ban hành', not_applicable: 'Không phải ban hành' },
  recurrence: { once: 'Một lần', yearly: 'Hằng năm' },
  sourceEngine: { pglite: 'Cơ sở dữ liệu nhúng', postgres: 'PostgreSQL' },
  op: { add: 'Thêm', move: 'Di chuyển', delete: 'Xóa', reword: 'Sửa lời' },
  tree: { collective: 'Tiêu chí tập thể', individual: 'Tiêu chí cá nhân' },
  action: { drop: 'Bỏ dòng', place: 'Xếp vào mục' },
  target: {
    title: 'Tên kế hoạch',
    funding: 'Kinh phí',
    legal_basis: 'Căn cứ',
    purpose: 'Mục đích',
    requirement: 'Yêu cầu',
    section: 'Mục nội dung',
  },
  reason: {
    wrong_password: 'Sai mật khẩu',
    inactive: 'Tài khoản đã khóa',
    unknown_user: 'Không có tài khoản này',
  },
};
const valueLabelsByEntity: Record<string, Record<string, Record<string, string>>> = {
  user: { role: roleLabels },
  unit: { kind: { ...successionKindLabels, ...unitKindLabels } },
  council: { role: councilRoleLabels },
  bloc: { kind: blocKindLabels, role: blocMemberRoleLabels },
  movement: { kind: movementKindLabels, status: movementStatusLabels },
  registration: {
    status: registrationStatusLabels,
    kind: { unit: 'Tập thể', person: 'Cá nhân', consolidated: 'Tổng hợp' },
  },
  movement_assignment: { status: { open: 'Đang thực hiện', done: 'Đã hoàn thành' } },
  scoring_table: { status: scoringTableStatusLabels, stage: scoreStageLabels },
  scoring_sheet: { status: sheetStatusLabels, stage: scoreStageLabels },
  movement_milestone: {
    kind: {
      launch: 'Phát động',
      annual: 'Hằng năm',
      midterm_review: 'Sơ kết',
      final_review: 'Tổng kết',
      deadline: 'Hạn chót',
      other: 'Khác',
    },
  },
};

/** The Vietnamese label of a coded value of a field, or null when the value is not a known code. */
export function auditValueLabel(entityType: string, field: string, value: string | boolean): string | null {
  if (typeof value === 'boolean') return yesNo[String(value) as 'true' | 'false'];
  return valueLabelsByEntity[entityType]?.[field]?.[value] ?? valueLabelsByField[field]?.[value] ?? null;
}

/** The Vietnamese name of a field; an unknown field shows as "Trường khác". */
export function auditFieldLabel(field: string): string {
  return auditFieldLabels[field] ?? 'Trường khác';
}
