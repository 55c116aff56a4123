import { isUpperText, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';

const authorityStart =
  /^(chu tich|pho chu tich|bo truong|thu truong|thu tuong|pho thu tuong|giam doc|truong ban|chanh|tong (giam doc|cuc truong|thu ky)|cuc truong|vu truong|vien truong|hieu truong|uy ban|hoi dong|chinh phu|ban thuong vu|ban chap hanh|ban chi dao|quoc hoi|thuong truc)\b/;

/**
 * The authority of a telegram: "THỦ TƯỚNG CHÍNH PHỦ điện:" → "THỦ TƯỚNG CHÍNH PHỦ", the addressees
 * following it; null for any other line.
 */
export function readTelegramAuthority(line: SourceLine): string | null {
  const match = /^(.+?)\s+(điện|ĐIỆN)\s*:?\s*$/u.exec(line.text);
  const authority = match?.[1]?.trim() ?? '';
  return match && isUpperText(authority) ? authority : null;
}

/**
 * True for the issuing authority's line under the summary of a decision or resolution
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "HỘI ĐỒNG NHÂN DÂN …"): a line in capitals after a summary in
 * sentence case, or one that starts with a position or a collegial body after a summary in capitals.
 */
export function isAuthorityLine(line: SourceLine, titleParts: string[]): boolean {
  if (!isUpperText(line.text) || line.text.length > 120 || readLabel(line.text)) return false;
  if (/:$/.test(line.text)) return false;
  const isTitleUpper = titleParts.every((part) => isUpperText(part));
  return !isTitleUpper || authorityStart.test(line.key);
}

/** True for a continuation of the authority ("KHÓA XVI, KỲ HỌP THỨ HAI MƯƠI LĂM"). */
export function continuesAuthority(line: SourceLine): boolean {
  return isUpperText(line.text) && line.text.length <= 120 && !readLabel(line.text) && !/:$/.test(line.text);
}
