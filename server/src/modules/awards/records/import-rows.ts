import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type { RecordKind } from '#contracts/award-records.ts';
import {
  AwardCode,
  type DisciplineLevel,
  disciplineLevelLabels,
  initiativeScopeLabels,
  type Rating,
  ratingLabels,
  rewardTypeLabels,
} from '#contracts/awards.ts';
import {
  type CellError,
  cellLine,
  controlCharacterErrors,
  parseDate,
  parseLabel,
  parseYesNo,
  plain,
} from '#server/modules/organisation/import-export/import-rules.ts';
import { type ParsedRow, personOnly, recordColumns, type SubjectKey } from './record-columns.ts';

const yearOf = (value: unknown, column: string, fail: (c: string, m: string) => void): number => {
  const text = cellLine(value);
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1945 || year > new Date().getFullYear()) {
    fail(column, `${column} phải là năm có 4 chữ số, từ 1945 đến năm nay.`);
  }
  return year;
};

/** Finds an award by its code or its Vietnamese name. */
function parseAward(value: unknown): AwardCode | undefined {
  const text = cellLine(value);
  const byCode = AwardCode.safeParse(text.toUpperCase());
  if (byCode.success) return byCode.data;
  const wanted = plain(text);
  return AwardCode.options.find((code) => plain(awardCatalogue[code].name) === wanted);
}

const ratingChoices = () => `${Object.keys(ratingLabels).join(', ')} (hoặc tên đầy đủ)`;

/** Validates one row of a kind; returns its subject and values or every problem. */
export function parseRow(
  kind: RecordKind,
  get: (header: string) => unknown,
): ParsedRow['values'] | CellError[] {
  const errors: CellError[] = controlCharacterErrors(get, recordColumns[kind]);
  if (errors.length) return errors;
  const fail = (column: string, message: string) => errors.push({ column, message });
  const values: Record<string, unknown> = {};
  const optionalText = (header: string, max: number) => {
    const text = cellLine(get(header)) || null;
    if (text && text.length > max) fail(header, `${header} tối đa ${max} ký tự.`);
    return text;
  };
  const optionalDate = (header: string) => {
    const date = parseDate(get(header));
    if (date === undefined) fail(header, `${header} không hợp lệ (định dạng dd/mm/yyyy, không ở tương lai).`);
    return date ?? null;
  };
  if (kind === 'person-ratings' || kind === 'unit-ratings') {
    values.year = yearOf(get('Năm'), 'Năm', fail);
    const text = cellLine(get('Xếp loại')).toUpperCase();
    const rating = (Object.keys(ratingLabels) as Rating[]).includes(text as Rating)
      ? (text as Rating)
      : parseLabel(ratingLabels, get('Xếp loại'));
    if (!rating) fail('Xếp loại', `Xếp loại phải là một trong: ${ratingChoices()}.`);
    values.rating = rating;
    const scoreText = cellLine(get('Điểm')).replace(',', '.');
    const score = scoreText ? Number(scoreText) : null;
    if (score !== null && (!Number.isFinite(score) || score < 0 || score > 1000))
      fail('Điểm', 'Điểm phải là số từ 0 đến 1000.');
    values.score = score;
    values.source = 'import';
  } else if (kind === 'disciplines') {
    const labels = { ...disciplineLevelLabels } as Partial<Record<DisciplineLevel, string>>;
    delete labels.none;
    const level = parseLabel(
      labels as Record<Exclude<DisciplineLevel, 'none'>, string>,
      get('Hình thức kỷ luật'),
    );
    if (!level)
      fail('Hình thức kỷ luật', `Hình thức kỷ luật phải là một trong: ${Object.values(labels).join(', ')}.`);
    values.level = level;
    const fromDate = parseDate(get('Từ ngày'));
    if (!fromDate) fail('Từ ngày', 'Từ ngày không hợp lệ (định dạng dd/mm/yyyy, không ở tương lai).');
    values.fromDate = fromDate;
    const toDate = parseDate(get('Đến ngày'), true);
    if (toDate === undefined) fail('Đến ngày', 'Đến ngày không hợp lệ (định dạng dd/mm/yyyy).');
    else if (toDate && fromDate && toDate < fromDate) fail('Đến ngày', 'Đến ngày không được trước Từ ngày.');
    values.toDate = toDate ?? null;
    const pending = parseYesNo(get('Đang xem xét'));
    if (pending === undefined) fail('Đang xem xét', 'Ghi "Có" hoặc "Không".');
    values.pending = pending ?? false;
    values.decisionNumber = optionalText('Số quyết định', 100);
    values.note = optionalText('Ghi chú', 500);
  } else if (kind === 'received') {
    const award = parseAward(get('Danh hiệu, hình thức'));
    if (!award) fail('Danh hiệu, hình thức', 'Không có danh hiệu, hình thức khen thưởng này trong danh mục.');
    values.awardCode = award;
    values.year = yearOf(get('Năm thành tích'), 'Năm thành tích', fail);
    const typeText = cellLine(get('Loại hình khen thưởng'));
    const rewardType = typeText ? parseLabel(rewardTypeLabels, typeText) : 'thuong_xuyen';
    if (!rewardType)
      fail(
        'Loại hình khen thưởng',
        `Loại hình phải là một trong: ${Object.values(rewardTypeLabels).join('; ')}.`,
      );
    values.rewardType = rewardType;
    values.decisionNumber = optionalText('Số quyết định', 100);
    values.decisionDate = optionalDate('Ngày quyết định');
    values.decider = optionalText('Cấp quyết định', 300);
  } else {
    const name = cellLine(get('Tên sáng kiến'));
    if (name.length < 2 || name.length > 500)
      fail('Tên sáng kiến', 'Tên sáng kiến phải có từ 2 đến 500 ký tự.');
    values.name = name;
    const scope = parseLabel(initiativeScopeLabels, get('Phạm vi công nhận'));
    if (!scope)
      fail(
        'Phạm vi công nhận',
        `Phạm vi phải là một trong: ${Object.values(initiativeScopeLabels).join(', ')}.`,
      );
    values.scope = scope;
    values.year = yearOf(get('Năm'), 'Năm', fail);
    values.decisionNumber = optionalText('Số quyết định', 100);
    values.decisionDate = optionalDate('Ngày quyết định');
    const usedText = cellLine(get('Đã dùng cho danh hiệu'));
    const usedForAward = usedText ? parseAward(usedText) : null;
    if (usedForAward === undefined)
      fail('Đã dùng cho danh hiệu', 'Không có danh hiệu, hình thức khen thưởng này trong danh mục.');
    const usedYearText = cellLine(get('Năm của danh hiệu'));
    const usedForYear = usedYearText ? yearOf(usedYearText, 'Năm của danh hiệu', fail) : null;
    if ((usedForAward === null) !== (usedForYear === null))
      fail('Năm của danh hiệu', 'Ghi cả danh hiệu đã dùng sáng kiến và năm của danh hiệu đó.');
    values.usedForAward = usedForAward ?? null;
    values.usedForYear = usedForYear;
  }
  return errors.length ? errors : values;
}

/** Reads the subject columns of a row. */
export function parseWho(kind: RecordKind, get: (header: string) => unknown): SubjectKey | CellError[] {
  const errors: CellError[] = [];
  const unitCode = cellLine(get('Mã đơn vị'));
  if (!unitCode) errors.push({ column: 'Mã đơn vị', message: 'Vui lòng ghi mã đơn vị.' });
  if (kind === 'unit-ratings')
    return errors.length ? errors : { idNumber: null, fullName: null, birthDate: null, unitCode };
  const idNumber = cellLine(get('Số định danh cá nhân')) || null;
  const fullName = cellLine(get('Họ và tên')) || null;
  const birthDate = parseDate(get('Ngày sinh'));
  if (birthDate === undefined)
    errors.push({ column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).' });
  if (personOnly(kind) && !idNumber && !fullName)
    errors.push({ column: 'Họ và tên', message: 'Ghi số định danh cá nhân hoặc họ và tên của cán bộ.' });
  return errors.length ? errors : { idNumber, fullName, birthDate: birthDate ?? null, unitCode };
}
