import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFacts, measureFacts } from './fixture-facts.ts';
import { parseDocumentBuffer } from './index.ts';
import { fixturesDir } from './test-support.ts';

describe('facts of the fixtures written for issues 16 and 17', () => {
  it('reads every header, basis, body, signature, recipient and attachment fact right', async () => {
    let right = 0;
    const wrong: string[] = [];
    for (const [name, facts] of Object.entries(fixtureFacts)) {
      const doc = await parseDocumentBuffer(readFileSync(path.join(fixturesDir, name)), name);
      for (const result of measureFacts(doc, facts)) {
        if (result.isRight) right += 1;
        else wrong.push(`${name}: ${result.fact} = ${JSON.stringify(result.actual)}`);
      }
    }
    console.info(`facts right: ${right} / ${right + wrong.length}`);
    expect(wrong).toEqual([]);
  });
});
