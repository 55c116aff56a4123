import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AwardCode, awardName, type RewardType, rewardTypeLabels } from '#contracts/awards.ts';
import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import { type DeciderTier, deciderTierLabels } from '#contracts/nominees.ts';
import { type DocumentTable, renderDocx } from '#server/modules/documents/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { awardRounds, nominations, nominees, persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { registerSymbol } from '../register/decision-register.ts';

const proposer = alias(units, 'proposer');
const subjectUnit = alias(units, 'subject_unit');
const personUnit = alias(units, 'person_unit');

/** A tờ trình with what the national export prints: its units, round and nominees. */
export async function loadNominationForExport(db: Executor, id: string) {
  const [head] = await db
    .select({
      nomination: nominations,
      roundTitle: awardRounds.title,
      receivingUnitId: awardRounds.receivingUnitId,
      unit: {
        id: proposer.id,
        name: proposer.name,
        path: proposer.path,
        kind: proposer.kind,
        shortName: proposer.shortName,
      },
      receivingPath: sql<string>`(select u.path from units u where u.id = ${awardRounds.receivingUnitId})`,
    })
    .from(nominations)
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .innerJoin(proposer, eq(proposer.id, nominations.proposingUnitId))
    .where(eq(nominations.id, id));
  if (!head) throw new AppError('NOT_FOUND', 'Không tìm thấy tờ trình.');
  const list = await db
    .select({
      nominee: nominees,
      personName: persons.fullName,
      birthDate: persons.birthDate,
      position: persons.position,
      personUnit: personUnit.name,
      unitName: subjectUnit.name,
    })
    .from(nominees)
    .leftJoin(persons, eq(persons.id, nominees.personId))
    .leftJoin(personUnit, eq(personUnit.id, persons.unitId))
    .leftJoin(subjectUnit, eq(subjectUnit.id, nominees.unitId))
    .where(eq(nominees.nominationId, id))
    .orderBy(asc(nominees.position), asc(nominees.id));
  return { ...head, nominees: list };
}

export type ExportData = Awaited<ReturnType<typeof loadNominationForExport>>;
export type ExportNominee = ExportData['nominees'][number];

/** The name a nominee is listed under. */
export const nomineeName = (line: ExportNominee) =>
  line.personName ?? line.unitName ?? line.nominee.householdName ?? '';

const node = (label: string | null, text: string): DocNode => ({ label, text, lines: [0, 0], children: [] });
const today = () => new Date().toISOString().slice(0, 10);
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const period = (line: ExportNominee) =>
  line.nominee.periodFrom === line.nominee.periodTo
    ? String(line.nominee.periodTo)
    : `${line.nominee.periodFrom}–${line.nominee.periodTo}`;

/** A document of the engine with only what these exports fill in. */
function documentOf(
  fields: Partial<ParsedDocument> & Pick<ParsedDocument, 'kind' | 'title'>,
): ParsedDocument {
  return {
    type: null,
    issuer: { parent: null, name: null },
    number: null,
    place: null,
    date: today(),
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [],
    enacting: null,
    movement: { name: null, periodFrom: null, periodTo: null, periodSource: null },
    sections: [],
    articles: [],
    contents: { collective: [], individual: [] },
    criteria: { collective: [], individual: [] },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
    signature: { authority: [], title: null, name: null },
    recipients: [],
    attachments: [],
    truncated: false,
    unclassified: [],
    ...fields,
  };
}

/** "02 cá nhân, 01 tập thể". */
function counts(data: ExportData): string {
  const by = (subject: string) => data.nominees.filter((line) => line.nominee.subject === subject).length;
  const two = (count: number) => String(count).padStart(2, '0');
  const parts = [
    [by('individual'), 'cá nhân'],
    [by('collective'), 'tập thể'],
    [by('household'), 'hộ gia đình'],
  ] as const;
  return parts.flatMap(([count, label]) => (count ? [`${two(count)} ${label}`] : [])).join(', ');
}

/** The tờ trình (Mẫu 01) of the export: to the Prime Minister or the President, with the list attached. */
export function submissionDocx(data: ExportData): Promise<Buffer> {
  const tier = data.nomination.deciderTier as DeciderTier;
  const awards = [...new Set(data.nominees.map((line) => awardName(line.nominee.awardCode as AwardCode)))];
  return renderDocx(
    documentOf({
      kind: 'TỜ TRÌNH',
      type: 'submission',
      issuer: { parent: null, name: data.unit.name.toUpperCase() },
      number: `      /TTr-${registerSymbol(data.unit)}`,
      title: data.nomination.title,
      addressees: [deciderTierLabels[tier]],
      preamble: [
        {
          text: `Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và các văn bản hướng dẫn thi hành; căn cứ kết quả xét duyệt của Hội đồng Thi đua – Khen thưởng trong đợt "${data.roundTitle}",`,
          lines: [0, 0],
        },
        {
          text: `${data.unit.name} kính trình ${deciderTierLabels[tier]} xem xét, tặng ${awards.join(', ')} cho ${counts(data)} (có danh sách và hồ sơ kèm theo).`,
          lines: [0, 0],
        },
      ],
      sections: [
        node(
          null,
          `Hồ sơ gồm: tờ trình, danh sách đề nghị, báo cáo tóm tắt thành tích của từng đối tượng và các tệp hồ sơ kèm theo.`,
        ),
      ],
      signature: { authority: [], title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', name: null },
      recipients: [
        { text: 'Như trên', subEntries: [] },
        { text: 'Lưu: VT', subEntries: [] },
      ],
    }),
  );
}

/** The list (danh sách đề nghị) as a table. */
export function listTable(data: ExportData): DocumentTable {
  return {
    title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
    note: `(Kèm theo Tờ trình "${data.nomination.title}" của ${data.unit.name})`,
    columns: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Họ và tên / Tên tập thể', width: 20 },
      { title: 'Ngày sinh', width: 9, align: 'center' },
      { title: 'Chức vụ, đơn vị', width: 20 },
      { title: 'Hình thức đề nghị', width: 16 },
      { title: 'Loại hình', width: 10 },
      { title: 'Thời gian lập thành tích', width: 8, align: 'center' },
      { title: 'Tóm tắt thành tích', width: 22 },
    ],
    rows: data.nominees.map((line, index) => [
      String(index + 1),
      nomineeName(line),
      dmy(line.birthDate),
      [line.position, line.personUnit].filter(Boolean).join(', '),
      awardName(line.nominee.awardCode as AwardCode),
      rewardTypeLabels[line.nominee.rewardType as RewardType],
      period(line),
      line.nominee.achievements.slice(0, 600),
    ]),
  };
}

/** The list as a document of its own (DOCX). */
export function listDocx(data: ExportData): Promise<Buffer> {
  return renderDocx(
    documentOf({
      kind: null,
      title: null,
      date: null,
      issuer: { parent: null, name: data.unit.name.toUpperCase() },
    }),
    { tables: [listTable(data)] },
  );
}

/** One nominee's summary of achievements (tóm tắt thành tích) as a DOCX. */
export function nomineeSummaryDocx(data: ExportData, line: ExportNominee): Promise<Buffer> {
  const facts = [
    line.birthDate ? `Ngày sinh: ${dmy(line.birthDate)}` : null,
    line.position || line.personUnit
      ? `Chức vụ, đơn vị: ${[line.position, line.personUnit].filter(Boolean).join(', ')}`
      : null,
    `Hình thức đề nghị: ${awardName(line.nominee.awardCode as AwardCode)} (${rewardTypeLabels[line.nominee.rewardType as RewardType].toLowerCase()})`,
    `Thời gian lập thành tích: ${period(line)}`,
  ].filter((text): text is string => Boolean(text));
  const paragraphs = line.nominee.achievements
    .split(/\n+/)
    .map((text) => text.trim())
    .filter(Boolean);
  return renderDocx(
    documentOf({
      kind: 'BÁO CÁO',
      type: 'report',
      issuer: { parent: null, name: data.unit.name.toUpperCase() },
      title: `Tóm tắt thành tích của ${nomineeName(line)}`,
      sections: [
        node('I.', 'THÔNG TIN CHUNG'),
        ...facts.map((text) => node('-', text)),
        node('II.', 'TÓM TẮT THÀNH TÍCH'),
        ...(paragraphs.length ? paragraphs : ['(Chưa có nội dung tóm tắt thành tích.)']).map((text) =>
          node(null, text),
        ),
      ],
    }),
  );
}
