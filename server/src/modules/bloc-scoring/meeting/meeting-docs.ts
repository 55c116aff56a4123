import { type Proposal, proposalAwardLabels } from '#contracts/bloc-scoring-meeting.ts';
import type { ParsedDocument } from '#contracts/documents.ts';
import { composeDocument, type DocumentTable, docNode } from '#server/modules/documents/index.ts';

/** Everything the minutes and the proposal of a bloc meeting say, read once. */
export interface MeetingFacts {
  councilName: string;
  tableName: string;
  year: number;
  blocName: string;
  headUnitName: string | null;
  /** Publication date, ISO. */
  date: string;
  note: string;
  members: { unitId: string; unitName: string }[];
  present: string[];
  results: { unitId: string; unitName: string; total: number; rank: number; isLeading: boolean }[];
  votes: Record<string, number>;
  proposals: Proposal[];
  nextHeadName: string | null;
  nextDeputyName: string | null;
}

const dmy = (date: string) => date.split('-').reverse().join('/');
const points = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const list = (names: string[]) => (names.length ? names.join(', ') : 'không');

const nameOf = (facts: MeetingFacts, unitId: string) =>
  facts.members.find((member) => member.unitId === unitId)?.unitName ?? '';
const leaders = (facts: MeetingFacts) => facts.results.filter((row) => row.isLeading);
const proposalLines = (facts: MeetingFacts) =>
  facts.proposals.map(
    (proposal) => `${nameOf(facts, proposal.unitId)}: ${proposalAwardLabels[proposal.award]}`,
  );

/** The ranking table of the minutes: every member's total, rank, votes and whether it leads. */
export function rankingTable(facts: MeetingFacts): DocumentTable {
  return {
    title: 'BẢNG TỔNG HỢP ĐIỂM VÀ XẾP HẠNG',
    note: `(Kèm theo Biên bản họp ${facts.blocName} năm ${facts.year})`,
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Đơn vị', width: 40 },
      { title: 'Tổng điểm', width: 14, align: 'center' },
      { title: 'Xếp hạng', width: 12, align: 'center' },
      { title: 'Phiếu biểu quyết', width: 14, align: 'center' },
      { title: 'Kết quả', width: 14, align: 'center' },
    ],
    rows: facts.results.map((row, index) => [
      String(index + 1),
      row.unitName,
      points(row.total),
      String(row.rank),
      facts.votes[row.unitId] === undefined ? '' : String(facts.votes[row.unitId]),
      row.isLeading ? 'Dẫn đầu' : '',
    ]),
  };
}

/** The proposals as a list: unit, award, total and rank. */
export function proposalTable(facts: MeetingFacts, note: string): DocumentTable {
  return {
    title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
    note,
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Tên tập thể', width: 38 },
      { title: 'Hình thức đề nghị', width: 30 },
      { title: 'Tổng điểm', width: 13, align: 'center' },
      { title: 'Xếp hạng', width: 13, align: 'center' },
    ],
    rows: facts.proposals.map((proposal, index) => {
      const result = facts.results.find((row) => row.unitId === proposal.unitId);
      return [
        String(index + 1),
        nameOf(facts, proposal.unitId),
        proposalAwardLabels[proposal.award],
        result ? points(result.total) : '',
        result ? String(result.rank) : '',
      ];
    }),
  };
}

/** The minutes of the bloc meeting (biên bản họp khối/cụm): attendance, the ranking, the vote, the proposals, next year's head. */
export function composeBlocMinutes(facts: MeetingFacts): ParsedDocument {
  const present = facts.members.filter((member) => facts.present.includes(member.unitId));
  const absent = facts.members.filter((member) => !facts.present.includes(member.unitId));
  const voted = Object.keys(facts.votes).length;
  const sections = [
    docNode(
      'I.',
      `Thời gian: ngày ${dmy(facts.date)}. Chủ trì: ${facts.headUnitName ?? ''} (đơn vị trưởng khối/cụm).`,
    ),
    docNode('II.', 'Thành phần:', [
      docNode('1.', `Tổng số đơn vị thành viên: ${facts.members.length}.`),
      docNode('2.', `Có mặt: ${present.length} (${list(present.map((member) => member.unitName))}).`),
      docNode('3.', `Vắng mặt: ${absent.length} (${list(absent.map((member) => member.unitName))}).`),
    ]),
    docNode(
      'III.',
      `Nội dung: khối/cụm thông qua kết quả chấm điểm theo "${facts.tableName}" của ${facts.members.length} đơn vị thành viên (chi tiết tại bảng tổng hợp kèm theo).`,
    ),
    docNode(
      'IV.',
      `Biểu quyết suy tôn đơn vị dẫn đầu: ${voted ? 'khối/cụm biểu quyết để phân định các đơn vị bằng điểm; ' : ''}đơn vị dẫn đầu: ${list(leaders(facts).map((row) => row.unitName))}.`,
    ),
    docNode('V.', `Đề nghị khen thưởng: ${list(proposalLines(facts))}.`),
    docNode(
      'VI.',
      `Khối trưởng năm ${facts.year + 1}: ${facts.nextHeadName ?? 'chưa chọn'}; khối phó: ${facts.nextDeputyName ?? 'chưa chọn'}.`,
    ),
    ...(facts.note ? [docNode('VII.', `Ý kiến khác: ${facts.note}`)] : []),
  ];
  return composeDocument({
    kind: 'BIÊN BẢN',
    type: 'minutes',
    issuer: { parent: facts.councilName.toUpperCase(), name: facts.blocName.toUpperCase() },
    date: facts.date,
    title: `Họp tổng kết công tác thi đua năm ${facts.year} của ${facts.blocName}`,
    sections,
    signature: {
      authority: ['TM. KHỐI/CỤM THI ĐUA'],
      title: 'ĐƠN VỊ TRƯỞNG KHỐI/CỤM',
      name: facts.headUnitName,
    },
    recipients: [
      { text: 'Các đơn vị thành viên', subEntries: [] },
      { text: 'Lưu: hồ sơ khối/cụm', subEntries: [] },
    ],
  });
}

/** The proposal (tờ trình) of the head unit to the council for the awards the meeting proposed. */
export function composeBlocProposal(facts: MeetingFacts): ParsedDocument {
  const awards = [...new Set(facts.proposals.map((proposal) => proposalAwardLabels[proposal.award]))];
  const units = [...new Set(facts.proposals.map((proposal) => nameOf(facts, proposal.unitId)))];
  return composeDocument({
    kind: 'TỜ TRÌNH',
    type: 'submission',
    issuer: {
      parent: facts.blocName.toUpperCase(),
      name: (facts.headUnitName ?? facts.blocName).toUpperCase(),
    },
    date: facts.date,
    title: `Đề nghị tặng ${awards.join(', ')} cho tập thể dẫn đầu ${facts.blocName} năm ${facts.year}`,
    addressees: [facts.councilName],
    preamble: [
      {
        text: `Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và các văn bản hướng dẫn thi hành; căn cứ kết quả chấm điểm, xếp hạng theo "${facts.tableName}" và biểu quyết tại hội nghị tổng kết của ${facts.blocName} ngày ${dmy(facts.date)},`,
        lines: [0, 0],
      },
      {
        text: `${facts.headUnitName ?? facts.blocName}, đơn vị trưởng khối/cụm, kính trình ${facts.councilName} xem xét, đề nghị tặng ${awards.join(', ')} cho ${units.length} tập thể: ${units.join(', ')} (có danh sách kèm theo).`,
        lines: [0, 0],
      },
    ],
    sections: [docNode(null, 'Hồ sơ gồm: tờ trình, biên bản họp khối/cụm và bảng tổng hợp điểm, xếp hạng.')],
    signature: { authority: ['TRƯỞNG KHỐI/CỤM'], title: 'THỦ TRƯỞNG ĐƠN VỊ', name: null },
    recipients: [
      { text: 'Như trên', subEntries: [] },
      { text: 'Lưu: hồ sơ khối/cụm', subEntries: [] },
    ],
  });
}
