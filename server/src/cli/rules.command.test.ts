import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EligibilityResult } from '#contracts/awards.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = {
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
      discipline: 'none',
    },
  ],
  members: { total: 20, completedDuties: 20, ldtt: 18, cstdcs: 1, disciplinedWarningOrAbove: 0 },
  decider: { unitKind: 'commune' },
};

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

/** Runs `tdkt …` as a user would and returns its exit code and output. */
function tdkt(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/tdkt.js'), ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('tdkt rules check', () => {
  it('prints the result JSON for the example input, and a Vietnamese explanation without --json', async () => {
    const input = file('example.json', JSON.stringify(example));
    const [json, text] = await Promise.all([
      tdkt('rules', 'check', input, '--json'),
      tdkt('rules', 'check', input),
    ]);
    expect(json.code).toBe(0);
    const result = EligibilityResult.parse(JSON.parse(json.stdout));
    expect(result).toMatchObject({ award: 'CSTDCS', verdict: 'eligible', ruleSet: 'luat-2022-nd-152-2025' });
    expect(result.cash.amount).toBe(2_340_000);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Kết luận: ĐỦ ĐIỀU KIỆN');
    expect(text.stdout).toContain('✓ Năm 2025 xếp loại hoàn thành xuất sắc nhiệm vụ');
    expect(text.stdout).toContain('Căn cứ: Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15 [C]');
    expect(text.stdout).toContain('Tiền thưởng: 2.340.000 đ');
  }, 60_000);

  it('refuses a malformed file with one Vietnamese line naming the field, exit code 2 and no output', async () => {
    const cases: [string, string, string][] = [
      ['unknown.json', JSON.stringify({ ...example, note: 'x' }), '"note"'],
      ['type.json', JSON.stringify({ ...example, forYear: '2025' }), '"forYear"'],
      ['date.json', JSON.stringify({ ...example, date: '2025-02-30' }), '"date"'],
      ['broken.json', '{ "award": "CSTDCS", ', 'JSON'],
    ];
    const runs = await Promise.all(
      cases.map(([name, content]) => tdkt('rules', 'check', file(name, content), '--json')),
    );
    runs.forEach((run, index) => {
      const [, , field] = cases[index] as [string, string, string];
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(field);
      expect(run.stderr).toMatch(/^Lỗi dữ liệu trong tệp/);
    });
  }, 90_000);

  it('lists the rule sets with their periods', async () => {
    const run = await tdkt('rules', 'list');
    expect(run.code).toBe(0);
    for (const id of ['luat-2003-nd-91-2017', 'luat-2022-nd-98-2023', 'luat-2022-nd-152-2025']) {
      expect(run.stdout).toContain(id);
    }
    expect(run.stdout).toContain('từ 01/07/2024: 2.340.000 đ');
  }, 60_000);
});
