/**
 * One line of the source: a physical line, or a logical line joined from the physical lines a
 * hard-wrapped copy broke it into (see logical-lines.ts); its numbers, cleaned text and folded key.
 */
export interface SourceLine {
  /** 1-based number of its first physical line in the source. */
  n: number;
  /** 1-based number of its last physical line (= n when the line was not wrapped). */
  end: number;
  /** Characters of its last physical line as written (before cleaning): what a wrapper measured. */
  width: number;
  /** Text as written, trimmed (a wrapped line is cleaned again once joined: Markdown marks span lines). */
  raw: string;
  /** Text without Markdown markers, tabs and repeated spaces. */
  text: string;
  /** Lower case, no diacritics, đ → d: for OCR-tolerant keyword matching. */
  key: string;
  /** True when the line carries no letter or digit (empty, or a decorative rule). */
  blank: boolean;
}

const combiningMarks = /[\u0300-\u036f]/g;

/** Folds text for matching: NFC, lower case, diacritics stripped, đ → d, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(combiningMarks, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes Markdown heading marks, bold/italic markers and stray spacing from one line. */
export function cleanLineText(raw: string): string {
  let text = raw.normalize('NFC').replace(/[\t\u00a0\u200b\ufeff]/g, ' ');
  text = text.replace(/^\s*#{1,6}\s+/, '');
  text = text.replace(/\*\*|__/g, '');
  text = text.replace(/(^|[\s(])\*(\S[^*]*?)\*(?=$|[\s).,:;])/g, '$1$2');
  text = text.replace(/(^|[\s(])_(\S[^_]*?)_(?=$|[\s).,:;])/g, '$1$2');
  text = text.replace(/^\s*\*(?=\S)/, '').replace(/(?<=\S)\*\s*$/, '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits a text into cleaned source lines. */
export function readLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, index) => {
    const cleaned = cleanLineText(raw);
    return {
      n: index + 1,
      end: index + 1,
      width: raw.trimEnd().length,
      raw: raw.trim(),
      text: cleaned,
      key: foldText(cleaned),
      // A lone "|" ends a table row broken over two lines; a rule ("---", "|---|") is blank.
      blank: !/[\p{L}\p{N}]/u.test(cleaned) && !/\.{3}|…/.test(cleaned) && !/^\|+$/.test(cleaned),
    };
  });
}

/** True when the letters of a text (its first 240 characters) are (almost) all upper case. */
export function isUpperText(text: string): boolean {
  // The first 240 characters tell: a paragraph is not a heading in capitals, whatever its length.
  let letters = 0;
  let upper = 0;
  for (const char of text.slice(0, 240)) {
    const capital = char.toUpperCase();
    if (capital === char.toLowerCase()) continue;
    letters += 1;
    if (char === capital) upper += 1;
  }
  return letters >= 2 && upper / letters >= 0.85;
}

/** True when a text ends a sentence or a list item. */
export function endsSentence(text: string): boolean {
  return /[.;:!?…"”»)\]]$/.test(text.trim());
}

/** True when a text starts with a lower-case letter or an opening bracket (it continues a sentence). */
export function startsLowercase(text: string): boolean {
  return /^[\p{Ll}(]/u.test(text);
}

/** Joins text fragments with single spaces. */
export function joinTexts(parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(' ')
    .replace(/\s+/g, ' ');
}
