import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import { convertDocxToPdf, isPdfConverterAvailable } from '#server/modules/documents/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  type ExportData,
  listDocx,
  loadNominationForExport,
  nomineeName,
  nomineeSummaryDocx,
  submissionDocx,
} from './national-documents.ts';
import { collectZipParts, type ZipPart } from './zip-parts.ts';

/** Deciders whose tờ trình go to the national electronic dossier system (awards-research §f). */
export const NATIONAL_TIERS = ['prime_minister', 'state_president'] as const;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name part from a Vietnamese name ("Nguyễn Thị Hoa" → "nguyen-thi-hoa"). */
export const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/**
 * 422 when a tờ trình may not go to the national system: its dossier is marked secret (never
 * exported), or its awards are not decided by the Prime Minister or the President.
 */
export function assertExportable(data: Pick<ExportData, 'nomination'>): void {
  if (data.nomination.secret)
    throw new AppError(
      'RULE_VIOLATION',
      'Hồ sơ có nội dung mật: không xuất sang Hệ thống quản lý hồ sơ khen thưởng điện tử; gửi bản giấy theo quy định.',
    );
  if (!(NATIONAL_TIERS as readonly string[]).includes(data.nomination.deciderTier))
    throw new AppError(
      'RULE_VIOLATION',
      'Chỉ xuất hồ sơ điện tử cho tờ trình đề nghị Thủ tướng Chính phủ hoặc Chủ tịch nước khen thưởng.',
    );
}

/**
 * The ZIP of a tờ trình for the national system: the tờ trình and the list as DOCX (and PDF when
 * LibreOffice is there), each nominee's summary of achievements, the extra files the registered
 * providers give (the dossier), and `manifest.json` with our stable ids and each file's SHA-256.
 */
export async function buildNationalZip(
  db: Executor,
  nominationId: string,
  options: {
    withPdf: boolean;
    files?: FileStore | null;
    progress?: (percent: number, message: string) => Promise<void>;
  },
) {
  const data = await loadNominationForExport(db, nominationId);
  assertExportable(data);
  const progress = options.progress ?? (async () => {});
  await progress(10, 'Đang dựng tờ trình và danh sách…');
  const own: ZipPart[] = [
    { path: 'to-trinh.docx', kind: 'to_trinh', data: await submissionDocx(data) },
    { path: 'danh-sach.docx', kind: 'danh_sach', data: await listDocx(data) },
  ];
  for (const [index, line] of data.nominees.entries()) {
    const number = String(index + 1).padStart(3, '0');
    own.push({
      path: `tom-tat-thanh-tich/${number}-${slug(nomineeName(line)) || 'doi-tuong'}.docx`,
      kind: 'tom_tat_thanh_tich',
      nomineeId: line.nominee.id,
      data: await nomineeSummaryDocx(data, line),
    });
  }
  const hasPdf = options.withPdf && (await isPdfConverterAvailable());
  if (hasPdf) {
    const docs = [...own];
    for (const [index, part] of docs.entries()) {
      await progress(20 + Math.round((60 * index) / docs.length), `Đang chuyển sang PDF: ${part.path}`);
      own.push({
        ...part,
        path: part.path.replace(/\.docx$/, '.pdf'),
        data: await convertDocxToPdf(part.data),
      });
    }
  }
  await progress(85, 'Đang gom hồ sơ kèm theo…');
  const nomineeIds = data.nominees.map((line) => line.nominee.id);
  const extra = (await collectZipParts(db, { nominationId, nomineeIds, files: options.files ?? null })).map(
    (part) => ({
      ...part,
      path: `ho-so/${part.path.replace(/^\/+/, '')}`,
    }),
  );
  const parts = [...own, ...extra];
  const files = parts.map((part) => ({
    path: part.path,
    kind: part.kind,
    nomineeId: part.nomineeId ?? null,
    fileId: part.fileId ?? null,
    contentType: part.path.endsWith('.pdf')
      ? 'application/pdf'
      : part.path.endsWith('.docx')
        ? DOCX_TYPE
        : null,
    size: part.data.length,
    sha256: createHash('sha256').update(part.data).digest('hex'),
  }));
  const manifest = {
    format: 'tdkt-ho-so-khen-thuong/1',
    generatedAt: new Date().toISOString(),
    pdfIncluded: hasPdf,
    ...(options.withPdf && !hasPdf
      ? { note: 'Máy chủ chưa có LibreOffice: gói chỉ có tệp DOCX, chưa có bản PDF.' }
      : {}),
    nomination: {
      id: data.nomination.id,
      title: data.nomination.title,
      deciderTier: data.nomination.deciderTier,
      status: data.nomination.status,
      roundId: data.nomination.roundId,
      roundTitle: data.roundTitle,
      submittedAt: data.nomination.submittedAt?.toISOString() ?? null,
      proposingUnit: { id: data.unit.id, name: data.unit.name },
      receivingUnitId: data.receivingUnitId,
    },
    nominees: data.nominees.map((line, index) => ({
      id: line.nominee.id,
      order: index + 1,
      subject: line.nominee.subject,
      personId: line.nominee.personId,
      unitId: line.nominee.unitId,
      name: nomineeName(line),
      birthDate: line.birthDate,
      awardCode: line.nominee.awardCode,
      awardName: awardName(line.nominee.awardCode as AwardCode),
      rewardType: line.nominee.rewardType,
      periodFrom: line.nominee.periodFrom,
      periodTo: line.nominee.periodTo,
      status: line.nominee.status,
    })),
    files,
  };
  const zip = new JSZip();
  for (const part of parts) zip.file(part.path, part.data);
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const number = slug(data.unit.shortName ?? data.unit.name) || 'to-trinh';
  return { buffer, fileName: `ho-so-khen-thuong-${number}-${data.nomination.id.slice(0, 8)}.zip`, manifest };
}
