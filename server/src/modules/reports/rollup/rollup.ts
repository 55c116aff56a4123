import type { ReportFigures, ReportIndicator, ReportSection, ReportTexts } from '#contracts/reports.ts';

/** One report a roll-up reads: whose it is, its figures and texts. */
export interface RollupSource {
  unitName: string;
  figures: ReportFigures;
  texts: ReportTexts;
}

/** Sums each indicator over the sources (a missing figure counts as 0), rounded to 6 decimals. */
export function sumFigures(
  indicators: readonly ReportIndicator[],
  sources: readonly RollupSource[],
): ReportFigures {
  const totals: ReportFigures = {};
  for (const { code } of indicators) {
    const sum = sources.reduce((total, source) => total + (source.figures[code] ?? 0), 0);
    totals[code] = Math.round(sum * 1e6) / 1e6;
  }
  return totals;
}

/**
 * Gathers the sources' narratives under each section, each headed by its unit's name, for the
 * officer to condense; a section nobody wrote about stays empty.
 */
export function gatherTexts(
  sections: readonly ReportSection[],
  sources: readonly RollupSource[],
): ReportTexts {
  const texts: ReportTexts = {};
  for (const { key } of sections) {
    const parts = sources
      .filter((source) => source.texts[key]?.trim())
      .map((source) => `${source.unitName}:\n${source.texts[key]?.trim()}`);
    texts[key] = parts.join('\n\n');
  }
  return texts;
}
