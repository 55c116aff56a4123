import { foldText, isUpperText } from './lines.ts';
import { findReferences } from './references.ts';

const basisOpeners = /^(can cu|xet de nghi|xet|theo de nghi)\b/;
const implementOpeners = /^(thuc hien|huong ung|tiep theo)\b/;
const documentWords = /(luat|nghi dinh|thong tu|quyet dinh|chi thi|nghi quyet|ke hoach|cong van|huong dan)/;

/** True when an opening paragraph is a legal basis ("Căn cứ …", "Thực hiện Quyết định số …"). */
export function isLegalBasis(text: string): boolean {
  const key = foldText(text);
  if (basisOpeners.test(key)) return true;
  if (!implementOpeners.test(key)) return false;
  return findReferences(text).length > 0 || documentWords.test(key.slice(0, 60));
}

const enactingWords = /^(quyet dinh|quyet nghi|nghi quyet|chi thi|ket luan|thong bao)\s*:$/;

/** True for the enacting words written in capitals before the articles ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"). */
export function isEnactingWords(text: string): boolean {
  return isUpperText(text) && enactingWords.test(foldText(text));
}

const enactingSentence = /\bban hanh (nghi quyet|quyet dinh|thong tu|chi thi|nghi dinh)\b/;

/**
 * True for the enacting sentence that replaces "QUYẾT NGHỊ:" in recent texts ("Hội đồng nhân dân …
 * ban hành Nghị quyết …."), when it is the last opening paragraph before the first article.
 */
export function isEnactingSentence(text: string): boolean {
  return text.length < 400 && enactingSentence.test(foldText(text)) && /\.$/.test(text);
}
