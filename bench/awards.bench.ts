import type { EligibilityFacts, EligibilityInput } from '../contracts/awards.ts';
import {
  checkEligibility,
  createRegistry,
  loadShippedRules,
  parseEligibilityInput,
} from '../server/src/modules/awards/index.ts';

const TARGET_MS = 1;

const example: EligibilityInput = {
  award: 'CSTDCS',
  date: '2025-12-15',
  forYear: 2025,
  subject: 'individual',
  history: [
    {
      year: 2025,
      rating: 'HTXSNV',
      titles: ['LDTT'],
      awards: ['BK_BO_TINH'],
      initiatives: [{ scope: 'unit' }],
    },
  ],
  decider: { unitKind: 'commune' },
};

const chain: EligibilityInput = {
  award: 'BK_TTG',
  date: '2025-12-15',
  forYear: 2025,
  subject: 'individual',
  history: [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
    year,
    rating: year % 2 ? 'HTXSNV' : 'HTTNV',
    titles: year % 2 ? ['LDTT', 'CSTDCS'] : ['LDTT'],
    awards: year === 2019 ? ['BK_BO_TINH'] : [],
    initiatives: [{ scope: 'unit' }],
  })),
  decider: { unitKind: 'province' },
};

/** Mean, median and 99th percentile (µs per call) over batches of `batch` calls (p99 shows GC pauses). */
function measure(run: () => void, batches: number, batch: number) {
  for (let index = 0; index < batch * 20; index += 1) run();
  const times: number[] = [];
  for (let outer = 0; outer < batches; outer += 1) {
    const start = performance.now();
    for (let inner = 0; inner < batch; inner += 1) run();
    times.push(((performance.now() - start) * 1000) / batch);
  }
  const meanUs = Math.round((times.reduce((sum, time) => sum + time, 0) / times.length) * 10) / 10;
  times.sort((a, b) => a - b);
  const at = (share: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0) * 10) / 10;
  return { meanUs, p50Us: at(0.5), p99Us: at(0.99) };
}

/** 75,000 synthetic people of a province, as the candidates feature would hand them to the engine. */
function province(count: number): EligibilityFacts[] {
  const ratings = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTNV'] as const;
  return Array.from({ length: count }, (_, person) =>
    parseEligibilityInput({
      award: 'CSTDCS',
      date: '2025-12-15',
      forYear: 2025,
      subject: 'individual',
      history: [2021, 2022, 2023, 2024, 2025].map((year) => ({
        year,
        rating: ratings[(person + year) % ratings.length],
        titles: (person + year) % 4 === 3 ? [] : ['LDTT'],
        initiatives: (person + year) % 5 === 0 ? [{ scope: 'unit' }] : [],
      })),
    }),
  );
}

/** One eligibility check in process (target < 1 ms), and a tight loop over a province for CSTĐCS. */
export async function runAwardsBench(): Promise<Record<string, unknown>> {
  const loadStart = performance.now();
  const registry = createRegistry(loadShippedRules());
  const loadMs = Math.round(performance.now() - loadStart);
  const parsedExample = parseEligibilityInput(example);
  const parsedChain = parseEligibilityInput(chain);
  const rows = {
    'CSTĐCS, input already parsed': measure(() => checkEligibility(registry, parsedExample), 300, 100),
    'CSTĐCS, parse JSON + check': measure(
      () => checkEligibility(registry, parseEligibilityInput(JSON.stringify(example))),
      300,
      100,
    ),
    'BK Thủ tướng, 7-year chain': measure(() => checkEligibility(registry, parsedChain), 300, 100),
  };
  const people = province(75_000);
  const loopStart = performance.now();
  const verdicts: Record<string, number> = {};
  for (const person of people) {
    const { verdict } = checkEligibility(registry, person);
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
  }
  const loopMs = Math.round(performance.now() - loopStart);
  console.log(`\nKhen thưởng / awards eligibility (in process; target one check < ${TARGET_MS} ms):`);
  console.log(`  load + compile the shipped rule sets: ${loadMs} ms`);
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([name, figures]) => [
        name,
        { ...figures, [`p99 < ${TARGET_MS} ms`]: figures.p99Us < TARGET_MS * 1000 },
      ]),
    ),
  );
  console.log(`  75,000 people of a province for CSTĐCS 2025: ${loopMs} ms in total`, verdicts);
  return {
    loadMs,
    checks: rows,
    province: { people: people.length, totalMs: loopMs, verdicts },
    targetMs: TARGET_MS,
  };
}
