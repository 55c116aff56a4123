import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { encodeCursor } from '#server/platform/db/keyset.ts';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { findFreePort, httpSignIn, REPO_ROOT, runCli, startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure, residentMegabytes } from './http.bench.ts';

const PASSWORD = 'bench-password-123';
// The national dataset by default, as the issue asks; TDKT_BENCH_QUICK=1 uses a fifth of it (about 1 minute less).
const full = process.env.TDKT_BENCH_QUICK !== '1';
const SIZE = full
  ? ['--provinces', '34', '--communes', '3300', '--units', '100000', '--persons', '2500000']
  : ['--provinces', '34', '--communes', '3300', '--units', '20000', '--persons', '300000'];

type CaseKey = 'children' | 'unitSearch' | 'personSearch' | 'personPage';
/** Cases without a bare twin: list pages, first and deep, to compare what a deep page costs. */
type PageKey = 'personsPage1' | 'personsDeep' | 'unitsPage1' | 'unitsDeep' | 'personSearchDeep';

/**
 * The national database to measure: `TDKT_BENCH_DATABASE_URL` (an existing database made by
 * `tdkt gen`, reused as it is: no generation, no import of 100,000 people into it), else a scratch
 * database generated now and dropped afterwards.
 */
async function benchDatabase() {
  const existing = process.env.TDKT_BENCH_DATABASE_URL;
  if (existing) {
    const client = new pg.Client({ connectionString: existing });
    await client.connect();
    return {
      url: existing,
      reused: true,
      query: async <T>(text: string) => (await client.query(text)).rows as T[],
      drop: () => client.end(),
    };
  }
  const database = await createScratchDatabase('orgbench');
  return { ...database, reused: false };
}

/** Starts a bare server (bench/bare-server.ts unless told) as its own process, like the real server, and waits until it listens. */
export async function startBareServer(url: string, script = 'bench/bare-server.ts') {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes('bare server on')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bare server failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Writes a valid people file of `rows` rows (XLSX, streaming) for units of the generated tree. */
async function writePeopleFile(file: string, rows: number, unitCodes: string[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet
    .addRow([
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Số định danh cá nhân',
      'Đối tượng',
      'Chức vụ',
      'Lãnh đạo, quản lý',
      'Trực tiếp lao động',
      'Mã đơn vị',
      'Ngày bắt đầu công tác',
    ])
    .commit();
  const given = ['An', 'Bình', 'Chi', 'Dung', 'Hà', 'Lan', 'Minh', 'Páo', 'Sình', 'Thắng'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    sheet
      .addRow([
        `Nhập Văn ${given[i % 10]} ${i}`,
        i % 2 ? 'Nữ' : 'Nam',
        `${day}/${month}/${1970 + (i % 30)}`,
        '',
        'Viên chức',
        'Giáo viên',
        'Không',
        'Có',
        unitCodes[i % unitCodes.length],
        '01/09/2020',
      ])
      .commit();
  }
  await workbook.commit();
}

/** Unit and person reads on a generated national dataset, against a bare route running the same SQL; plus a 100,000-row import. */
export async function runOrganisationBench(): Promise<Record<string, unknown>> {
  const database = await benchDatabase();
  const env = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) };
  const workDir = mkdtempSync(path.join(tmpdir(), 'tdkt-orgbench-'));
  try {
    let genSeconds: number | null = null;
    if (!database.reused) {
      const genStart = Date.now();
      const gen = await runCli(['gen', ...SIZE], env);
      if (gen.code !== 0) throw new Error(`tdkt gen failed:\n${gen.output}`);
      genSeconds = (Date.now() - genStart) / 1000;
    } else {
      // The reused database is brought to this commit's schema first (as the server would at start).
      const migrated = await runCli(['db', 'migrate'], env);
      if (migrated.code !== 0) throw new Error(`tdkt db migrate failed:\n${migrated.output}`);
    }
    // On a reused database the account may exist already; signing in below tells.
    await runCli(
      ['user', 'create', '--username', 'bench.admin', '--role', 'admin', '--password', PASSWORD],
      env,
    );
    const [province] = await database.query<{ id: string }>(`select id from units where code = 'P03'`);
    const [person] = await database.query<{ id: string }>(
      `select id from persons order by sort_key limit 1 offset 1000`,
    );
    // Page 100,000 of the people (20 a page) and page 1,000 of the units (or the last pages of a
    // smaller dataset): the cursor of the row before.
    const [{ persons: personCount = 0, units: unitCount = 0 } = {}] = await database.query<{
      persons: number;
      units: number;
    }>(`select (select count(*) from persons)::int as persons, (select count(*) from units)::int as units`);
    const [deepPerson] = await database.query<{ sort_key: string; id: string }>(
      `select sort_key, id from persons order by sort_key, id
        offset ${Math.max(0, Math.min(1_999_979, personCount - 40))} limit 1`,
    );
    const [deepUnit] = await database.query<{ sort_key: string; id: string }>(
      `select sort_key, id from units where valid_to is null or valid_to >= current_date
        order by sort_key, id offset ${Math.max(0, Math.min(19_979, unitCount - 40))} limit 1`,
    );
    const personsDeep = deepPerson ? encodeCursor([deepPerson.sort_key, deepPerson.id]) : '';
    const unitsDeep = deepUnit ? encodeCursor([deepUnit.sort_key, deepUnit.id]) : '';
    const [deepSearch] = await database.query<{ sort_key: string; id: string }>(
      `select sort_key, id from persons where search_terms @> search_words('nguyen van an')
        order by sort_key, id
        offset least(399, greatest(0, (select count(*) from persons
          where search_terms @> search_words('nguyen van an')) - 21)) limit 1`,
    );
    const searchDeep = deepSearch ? encodeCursor([0, deepSearch.sort_key, deepSearch.id]) : '';
    const codes = (
      await database.query<{ code: string }>(`select code from units where kind = 'public_service' limit 500`)
    ).map((r) => r.code);
    const server = await startServer(env);
    const bare = await startBareServer(database.url);
    try {
      const session = await httpSignIn(server.baseUrl, 'bench.admin', PASSWORD);
      if (session.status !== 200) throw new Error(`bench.admin could not sign in (${session.status})`);
      const headers = { cookie: session.cookie };
      const cases: [CaseKey, string, string, string][] = [
        [
          'children',
          'GET /api/units/:province/children',
          `/api/units/${province?.id}/children?limit=20`,
          province?.id ?? '',
        ],
        ['unitSearch', 'GET /api/units?q=binh', '/api/units?q=binh&limit=20', 'binh'],
        [
          'personSearch',
          'GET /api/persons?q=nguyen van an',
          `/api/persons?q=${encodeURIComponent('nguyen van an')}&limit=20`,
          'nguyen van an',
        ],
        [
          'personSearch',
          'GET /api/persons?q=lo thi hoa',
          `/api/persons?q=${encodeURIComponent('lo thi hoa')}&limit=20`,
          'lo thi hoa',
        ],
        ['personPage', 'GET /api/persons/:id', `/api/persons/${person?.id}`, person?.id ?? ''],
      ];
      const endpoints: (EndpointFigures & { bareRequestsPerSecond: number; ratio: number })[] = [];
      for (const [key, name, url, parameter] of cases) {
        const api = await measure(name, `${server.baseUrl}${url}`, { headers, seconds: 6 });
        const baseline = await measure(
          `bare ${key}`,
          `${bare.baseUrl}/bare/${key}?p=${encodeURIComponent(parameter)}`,
          { seconds: 6 },
        );
        endpoints.push({
          ...api,
          bareRequestsPerSecond: baseline.requestsPerSecond,
          ratio: Math.round((api.requestsPerSecond / Math.max(1, baseline.requestsPerSecond)) * 100) / 100,
        });
      }
      const pageCases: [PageKey, string, string][] = [
        ['personsPage1', 'GET /api/persons page 1', '/api/persons?limit=20'],
        ['personsDeep', 'GET /api/persons page 100,000', `/api/persons?limit=20&after=${personsDeep}`],
        ['unitsPage1', 'GET /api/units page 1', '/api/units?limit=20'],
        ['unitsDeep', 'GET /api/units page 1,000', `/api/units?limit=20&after=${unitsDeep}`],
        [
          'personSearchDeep',
          'GET /api/persons?q=nguyen van an, a deep page',
          `/api/persons?q=${encodeURIComponent('nguyen van an')}&limit=20&after=${searchDeep}`,
        ],
      ];
      const pages: Partial<Record<PageKey, EndpointFigures>> = {};
      for (const [key, name, url] of pageCases) {
        pages[key] = await measure(name, `${server.baseUrl}${url}`, { headers, seconds: 6 });
        endpoints.push({ ...(pages[key] as EndpointFigures), bareRequestsPerSecond: 0, ratio: 0 });
      }
      /** What a deep page costs against page 1 (req/s of page 1 ÷ req/s of the deep page; target ≤ 1.5). */
      const costRatio = (first?: EndpointFigures, deep?: EndpointFigures) =>
        first && deep
          ? Math.round((first.requestsPerSecond / Math.max(1, deep.requestsPerSecond)) * 100) / 100
          : null;
      const deepPageRatios = {
        persons: costRatio(pages.personsPage1, pages.personsDeep),
        units: costRatio(pages.unitsPage1, pages.unitsDeep),
        target: 1.5,
      };
      console.log('  deep page / page 1 (cost, target ≤ 1.5):', deepPageRatios);
      if (database.reused && process.env.TDKT_BENCH_IMPORT !== '1') {
        return {
          dataset: `existing database (${SIZE.join(' ')} when generated)`,
          genSeconds,
          endpoints,
          deepPageRatios,
          import: 'skipped on a reused database (TDKT_BENCH_IMPORT=1 runs it)',
        };
      }
      const file = path.join(workDir, 'can-bo-100000.xlsx');
      await writePeopleFile(file, 100_000, codes);
      const form = new FormData();
      form.append(
        'file',
        new Blob([await import('node:fs/promises').then((fs) => fs.readFile(file))]),
        'can-bo.xlsx',
      );
      const rssBefore = residentMegabytes(server.pid);
      const importStart = Date.now();
      const response = await fetch(`${server.baseUrl}/api/persons/import`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: form,
      });
      const importSeconds = (Date.now() - importStart) / 1000;
      const importBody = (await response.json()) as Record<string, unknown>;
      return {
        dataset: SIZE.join(' '),
        genSeconds,
        endpoints,
        deepPageRatios,
        import: {
          rows: 100_000,
          fileMb: Math.round(statSync(file).size / 1e5) / 10,
          status: response.status,
          imported: importBody.imported ?? importBody.message,
          seconds: importSeconds,
          serverRssMbBefore: rssBefore,
          serverRssMbAfter: residentMegabytes(server.pid),
        },
      };
    } finally {
      await bare.stop();
      await server.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await database.drop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const result = await runOrganisationBench();
  console.log(JSON.stringify(result, null, 2));
}
