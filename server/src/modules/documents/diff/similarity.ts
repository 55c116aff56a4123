import { foldText } from '../parse/lines.ts';

const unitWords = /\b(tinh|huyen|thanh pho|quan|thi xa|thi tran|phuong|xa)\b/g;

/**
 * Normalises a text for comparison by meaning: folded, the issuer's own place names replaced by one
 * token, administrative levels (tỉnh, huyện …) replaced by another, punctuation removed.
 */
export function normaliseForComparison(text: string, placeNames: string[]): string {
  let key = foldText(text);
  for (const name of placeNames) if (name.length > 2) key = key.split(name).join(' dia phuong ');
  return key
    .replace(unitWords, ' cap ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Character trigrams of a normalised text (word boundaries kept as spaces). */
export function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index += 1) grams.add(padded.slice(index, index + 3));
  return grams;
}

/** Dice coefficient of two trigram sets: 1 for the same text, 0 for nothing in common. */
export function diceSimilarity(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let common = 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  for (const gram of small) if (large.has(gram)) common += 1;
  return (2 * common) / (left.size + right.size);
}

/** One candidate pairing of two items with its score. */
export interface Pairing {
  left: number;
  right: number;
  score: number;
}

/** Pairs items one to one, best scores first, keeping pairs at or above a threshold. */
export function pairBySimilarity(left: Set<string>[], right: Set<string>[], threshold: number): Pairing[] {
  const candidates: Pairing[] = [];
  left.forEach((leftGrams, leftIndex) => {
    right.forEach((rightGrams, rightIndex) => {
      const score = diceSimilarity(leftGrams, rightGrams);
      if (score >= threshold) candidates.push({ left: leftIndex, right: rightIndex, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: Pairing[] = [];
  for (const candidate of candidates) {
    if (usedLeft.has(candidate.left) || usedRight.has(candidate.right)) continue;
    usedLeft.add(candidate.left);
    usedRight.add(candidate.right);
    pairs.push(candidate);
  }
  return pairs;
}
