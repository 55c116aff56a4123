import JSZip from 'jszip';
import { DOSSIER_FILE_MAX_BYTES } from '#contracts/nomination-dossier.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** A kind of file a dossier accepts, recognised by its first bytes (never by its name). */
export interface DossierFileType {
  extension: 'pdf' | 'docx' | 'xlsx' | 'jpg' | 'png';
  contentType: string;
}

const PDF = { extension: 'pdf', contentType: 'application/pdf' } as const;
const PNG = { extension: 'png', contentType: 'image/png' } as const;
const JPEG = { extension: 'jpg', contentType: 'image/jpeg' } as const;
const DOCX = {
  extension: 'docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
const XLSX = {
  extension: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const startsWith = (data: Buffer, bytes: number[]) =>
  data.length >= bytes.length && bytes.every((byte, index) => data[index] === byte);

/** A ZIP package is DOCX or XLSX by the part it holds (an ODT or a plain ZIP is neither). */
async function officeType(data: Buffer): Promise<DossierFileType | null> {
  try {
    const zip = await JSZip.loadAsync(data);
    if (zip.file('word/document.xml')) return DOCX;
    if (zip.file('xl/workbook.xml')) return XLSX;
  } catch {
    return null;
  }
  return null;
}

/** The kind of a file from its content: PDF, DOCX, XLSX, JPEG or PNG; null for anything else. */
export async function detectDossierFileType(data: Buffer): Promise<DossierFileType | null> {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return officeType(data);
  return null;
}

export const UNSUPPORTED_FILE_MESSAGE =
  'Tệp hồ sơ phải là PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG. Tệp đã chọn không thuộc các định dạng này (hoặc bị hỏng); vui lòng lưu lại đúng định dạng rồi tải lên.';

/** Checks an uploaded file's size (413) and kind by content (415); returns its kind. */
export async function assertDossierFile(data: Buffer): Promise<DossierFileType> {
  if (data.length > DOSSIER_FILE_MAX_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp hồ sơ vượt quá ${DOSSIER_FILE_MAX_BYTES / 1024 / 1024} MB. Vui lòng nén hoặc chia nhỏ tệp rồi tải lên.`,
    );
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp đã chọn trống, không có nội dung.');
  const type = await detectDossierFileType(data);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_FILE_MESSAGE);
  return type;
}

/** A file name safe to store and send: control characters and path parts removed, the right extension. */
export function dossierFileName(sent: string, fallback: string, type: DossierFileType): string {
  const base = (sent.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 150);
  return `${base || fallback}.${type.extension}`;
}
