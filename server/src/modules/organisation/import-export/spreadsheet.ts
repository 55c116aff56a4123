import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * exceljs's streaming reader decodes every chunk on its own, so a Vietnamese letter split across two
 * chunks comes out as U+FFFD ("Viên ch���c"). Its SAX step passes strings through unchanged, so the
 * worksheet and shared-string streams are handed to it already decoded, across chunk boundaries.
 */
async function* decodeUtf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function repairStreamingDecoder() {
  type ReaderPrototype = {
    tdktRepaired?: boolean;
    _parseWorksheet: (
      this: { model?: unknown },
      iterator: AsyncIterable<unknown>,
      sheetNo: string,
    ) => unknown;
    _parseSharedStrings: (entry: { setEncoding: (encoding: string) => void }) => unknown;
  };
  const prototype = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderPrototype;
  if (prototype.tdktRepaired) return;
  const parseWorksheet = prototype._parseWorksheet;
  const parseSharedStrings = prototype._parseSharedStrings;
  prototype._parseWorksheet = function (this: { model?: unknown }, iterator, sheetNo) {
    // A worksheet may come before xl/workbook.xml in the archive (our templates with several sheets
    // do, at times); exceljs then reads `this.model.sheets` of nothing and the import failed as "not a
    // spreadsheet". Without the workbook's model the sheet only lacks its name; the rows are the same.
    this.model ??= { sheets: [] };
    return parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  };
  prototype._parseSharedStrings = function (this: unknown, entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  prototype.tdktRepaired = true;
}
repairStreamingDecoder();

/** One data row of an imported file: its row number as the spreadsheet shows it and its cells. */
export interface SheetRow {
  row: number;
  cells: unknown[];
}

/** A file that is neither an XLSX workbook nor a CSV text; the import answers 422 with this message. */
export class NotSpreadsheetError extends Error {
  constructor() {
    super('Tệp tải lên không phải bảng tính Excel (.xlsx) hoặc tệp CSV. Vui lòng dùng tệp mẫu của hệ thống.');
  }
}

/** Reads the first chunk of a stream and gives it back with a stream that still yields everything. */
async function peek(source: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  const stream = new PassThrough();
  stream.write(head);
  (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!stream.write(next.value)) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
  })().catch((error) => stream.destroy(error));
  return { head, stream };
}

/**
 * True when the start of a file is not text: many NUL bytes (UTF-16, or a binary file), or NUL bytes
 * among bytes that are not UTF-8 (an image). A stray NUL in a UTF-8 CSV is not enough: the row check
 * then names its cell.
 */
function looksBinary(head: Buffer): boolean {
  let zeros = 0;
  for (const byte of head) if (byte === 0) zeros += 1;
  if (zeros === 0) return false;
  if (zeros > Math.max(4, head.length / 100)) return true;
  try {
    // The last three bytes may be a character cut in half by the chunk boundary.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return false;
  } catch {
    return true;
  }
}

/** Streams the rows of the first sheet of an XLSX file or of a CSV file (detected from the content). */
export async function* readSheetRows(
  source: Readable,
  headers?: readonly string[],
): AsyncGenerator<SheetRow> {
  const { head, stream } = await peek(source);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    yield* readXlsx(stream, headers);
  } else if (head.length && !looksBinary(head.subarray(0, 4096))) {
    yield* readCsv(stream);
  } else {
    stream.destroy();
    throw new NotSpreadsheetError();
  }
}

/**
 * Reads an XLSX upload: the file (bounded by the upload limit) is gathered first, then its rows are
 * streamed. exceljs's streaming reader now and then emits no sheet we recognise (seen as "no header
 * row" on a good template, in about one run in ten under load); the whole-workbook reader then
 * reads the same bytes again, so a good file is never refused for it.
 */
async function* readXlsx(stream: Readable, headers?: readonly string[]): AsyncGenerator<SheetRow> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const file = Buffer.concat(chunks);
  let isFound = false;
  for await (const row of streamXlsxRows(Readable.from([file]), headers)) {
    isFound = true;
    yield row;
  }
  if (!isFound) yield* loadXlsx(file, headers);
}

/** True when a sheet's first row makes it the data sheet (see streamXlsx). */
function isDataSheet(cells: unknown[], expected: Set<string>, sheetId: number): boolean {
  // Four expected headers (all of them when fewer are expected): the template's other sheets
  // share at most three ("Mã đơn vị", "Tên đơn vị", "Tên viết tắt" of the unit codes).
  return expected.size
    ? cells.filter((cell) => expected.has(String(cell ?? '').trim())).length >= Math.min(4, expected.size)
    : sheetId === 1;
}

/** The whole-workbook reader, for the rare file the streaming reader reads nothing from. */
async function* loadXlsx(file: Buffer, headers?: readonly string[]): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new NotSpreadsheetError();
  }
  const expected = new Set(headers ?? []);
  for (const worksheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    let isData: boolean | null = null;
    worksheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map(cellValue);
      isData ??= isDataSheet(cells, expected, worksheet.id);
      if (isData) rows.push({ row: row.number, cells });
    });
    if (isData) {
      yield* rows;
      return;
    }
  }
}

async function* streamXlsxRows(stream: Readable, headers?: readonly string[]): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const expected = new Set(headers ?? []);
  try {
    // The data sheet is the one whose first row holds the expected headers (else the workbook's
    // sheet 1). exceljs emits sheets in archive order, and a sheet stored before the shared strings
    // only at the end, so the first sheet emitted is not always the data sheet of a template with
    // several sheets (codes, lists, help): the others are read past.
    for await (const worksheet of reader) {
      let isData: boolean | null = null;
      for await (const row of worksheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellValue);
        isData ??= isDataSheet(cells, expected, Number((worksheet as unknown as { id: unknown }).id));
        if (isData) yield { row: row.number, cells };
      }
      if (isData) return;
    }
  } catch (error) {
    if (error instanceof NotSpreadsheetError) throw error;
    throw new NotSpreadsheetError();
  }
}

/** A cell's plain value: rich text and formulas reduced to what they show. */
function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const object = value as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (object.richText) return object.richText.map((part) => part.text).join('');
    if ('result' in object) return object.result;
    if (object.text !== undefined) return object.text;
  }
  return value;
}

/** Streams CSV records (RFC 4180 quotes, `,` or `;` separators as the header line shows, BOM tolerated). */
async function* readCsv(stream: Readable): AsyncGenerator<SheetRow> {
  let separator: string | null = null;
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let row = 1;
  let pendingQuote = false;
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = row === 1 && !record.length && !field ? chunk.replace(/^\uFEFF/, '') : chunk;
    separator ??=
      (text.split('\n')[0] ?? '').split(';').length > (text.split('\n')[0] ?? '').split(',').length
        ? ';'
        : ',';
    const completed: SheetRow[] = [];
    for (const char of text) {
      if (pendingQuote) {
        pendingQuote = false;
        if (char === '"') {
          field += '"';
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        if (char === '"') pendingQuote = true;
        else field += char;
      } else if (char === '"') quoted = true;
      else if (char === separator) {
        record.push(field);
        field = '';
      } else if (char === '\n') {
        record.push(field.replace(/\r$/, ''));
        completed.push({ row: row++, cells: record });
        record = [];
        field = '';
      } else field += char;
    }
    yield* completed;
  }
  if (field || record.length) {
    record.push(field.replace(/\r$/, ''));
    yield { row, cells: record };
  }
}

/** The cell as trimmed text ('' when empty); dates become dd/mm/yyyy. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  return String(value).trim();
}

/** Writes rows to an XLSX stream (streaming writer: memory stays flat for large lists). */
export function createXlsxWriter(sheetName: string, headers: string[]) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.max(14, header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    stream,
    addRow: (values: unknown[]) => sheet.addRow(values).commit(),
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * Streams batches of rows as an XLSX file. The first batch is read before anything is sent, so a
 * query that fails (bad filter, database down) becomes an error reply instead of a 200 with a cut file;
 * a later failure destroys the stream, and Fastify aborts the connection and logs the error once.
 */
export async function streamXlsx<T>(
  sheetName: string,
  headers: string[],
  batches: AsyncGenerator<T[]>,
  toRow: (item: T) => unknown[],
): Promise<Readable> {
  const first = await batches.next();
  const writer = createXlsxWriter(sheetName, headers);
  (async () => {
    for (let batch = first; !batch.done; batch = await batches.next()) {
      for (const item of batch.value) writer.addRow(toRow(item));
    }
    await writer.finish();
  })().catch((error) => writer.stream.destroy(error));
  return writer.stream;
}

/**
 * Sends a streamed XLSX file. If the stream fails after the first bytes went out, Fastify aborts the
 * connection (the download visibly fails, it is never a 200 with a cut file) and the error is logged
 * here, once, at error level — per-request logging may be off, so Fastify's own line may not appear.
 */
export function sendXlsxStream(
  request: FastifyRequest,
  reply: FastifyReply,
  stream: Readable,
  fileName: string,
) {
  stream.once('error', (error) => request.log.error({ err: error }, 'xlsx export stopped after it started'));
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(stream);
}

/** Builds a small XLSX file (a template) in memory, so it is complete before the reply starts. */
export async function buildXlsx(sheetName: string, headers: string[]): Promise<Buffer> {
  const writer = createXlsxWriter(sheetName, headers);
  const chunks: Buffer[] = [];
  writer.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => writer.stream.on('end', resolve).on('error', reject));
  await writer.finish();
  await ended;
  return Buffer.concat(chunks);
}

/** A CSV template: the header line with a BOM so Excel opens it as UTF-8. */
export function csvLine(values: string[]): string {
  return `${values.map((value) => (/[",;\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(',')}\r\n`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
