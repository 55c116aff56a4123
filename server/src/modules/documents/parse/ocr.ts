import { foldText } from './lines.ts';

/** Repairs common OCR damage in an upper-case body name ("LÝ BAN NHÂN DÂN" → "ỦY BAN NHÂN DÂN"). */
export function repairBodyName(text: string): string {
  const result = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const words = result.split(' ');
  for (let index = 0; index + 3 < words.length; index += 1) {
    const next = foldText(words.slice(index + 1, index + 4).join(' '));
    const word = words[index] ?? '';
    if (next === 'ban nhan dan' && /^[\p{L}]{1,3}$/u.test(word) && foldText(word) !== 'uy') {
      words[index] = isUpper(word) ? 'ỦY' : 'Ủy';
    }
  }
  return words.map((word) => oldStyle.get(word) ?? word).join(' ');
}

const oldStyle = new Map([
  ['UỶ', 'ỦY'],
  ['Uỷ', 'Ủy'],
]);

function isUpper(word: string): boolean {
  return word === word.toUpperCase();
}
