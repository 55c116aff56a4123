import type { Random } from './random.ts';

/** Strings that must never reach the database as they are: control characters, broken characters. */
export const nastyStrings = [
  'Nguyễn\u0000Văn An',
  '\u0000',
  'tên\u0001\u0002\u0003',
  'dòng\u001b[31mđỏ',
  'xóa\u007f',
  'ký tự C1 \u0085\u009b',
  'nửa cặp \ud800 đại diện',
  '\udfff',
  ' \t\n ',
  '',
  "' OR 1=1 --",
  '%00%27%22',
  '\\',
  '%_\\%',
  `\${7*7}{{7*7}}<script>`,
  '\u202etfel-ot-thgir',
  '😀'.repeat(40),
];

/** Dates that have the right shape but are not days of the calendar, and other broken dates. */
export const impossibleDates = [
  '2026-02-30',
  '2026-13-01',
  '2025-02-29',
  '0000-01-01',
  '9999-99-99',
  '2024-00-10',
  '2024-1-1',
  '20240101',
  '2024-02-29T00:00:00Z',
  '29/02/2025',
];

/** Numbers at and beyond every bound: huge, negative, fractional, unsafe. */
export const nastyNumbers = [
  -1,
  0,
  1.5,
  -2147483649,
  2147483648,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Values of the wrong type for any field. */
export const wrongTypes: unknown[] = [null, true, 0, 'chuỗi', [], {}, [null], { $gt: '' }, ['a', 'b']];

/** A string of `length` characters (very long input). */
export const longString = (length: number) => 'Đ'.repeat(length);

/** Text bodies that are not JSON, or JSON that is not what any contract takes. */
export const malformedJson = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'null',
  '[]',
  '"chuỗi"',
  '1e99999',
  '\u0000',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
];

/** Values for a path parameter: random, wrong, encoded, oversized. */
export const pathValues = (random: Random) => [
  random.uuid(),
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '%00',
  '%2e%2e%2f',
  '-1',
  '1.5',
  '99999999999999999999',
  '0',
  encodeURIComponent(longString(3000)),
];

/** Raw query strings that break encodings or repeat keys. */
export const rawQueries = [
  'q=%00',
  'q=%zz',
  'q=%C0%80',
  'q=%ED%A0%80',
  'q=a&q=b',
  'page=-1&pageSize=100000',
  'page=1e309',
  'page=99999999999999999999',
  'pageSize=0',
  'from=2026-02-30&to=2026-13-01',
  'unitId=%00',
  'limit=NaN',
];

const CRLF = '\r\n';

/** One multipart part: a field or a file, with raw header values so they can be broken too. */
function part(boundary: string, name: string, content: string | Buffer, fileName?: string): Buffer {
  const disposition = fileName
    ? `form-data; name="${name}"; filename="${fileName}"`
    : `form-data; name="${name}"`;
  return Buffer.concat([
    Buffer.from(`--${boundary}${CRLF}Content-Disposition: ${disposition}${CRLF}`),
    Buffer.from(`Content-Type: application/octet-stream${CRLF}${CRLF}`),
    Buffer.from(content),
    Buffer.from(CRLF),
  ]);
}

/** A request body and its content type, as sent to an upload route. */
export interface RawBody {
  label: string;
  contentType: string;
  payload: Buffer | string;
}

/** A file to upload: its name and content. */
export interface UploadFile {
  name: string;
  content: Buffer | string;
}

/**
 * Upload bodies: the valid file first, then bodies wrong in every way the multipart layer and the
 * file readers can see. The broken bodies carry the valid file too, so an import that went ahead
 * anyway would show as rows written by a refused request.
 */
export function malformedUploads(valid: UploadFile, files: UploadFile[]): RawBody[] {
  const boundary = 'tdktFuzzBoundary';
  const type = `multipart/form-data; boundary=${boundary}`;
  const end = Buffer.from(`--${boundary}--${CRLF}`);
  const good = part(boundary, 'file', valid.content, valid.name);
  return [
    { label: 'valid file', contentType: type, payload: Buffer.concat([good, end]) },
    { label: 'no boundary', contentType: 'multipart/form-data', payload: good },
    {
      label: 'boundary too long',
      contentType: `multipart/form-data; boundary=${'b'.repeat(300)}`,
      payload: good,
    },
    {
      label: 'cut before the end',
      contentType: type,
      payload: good.subarray(0, Math.floor(good.length * 0.8)),
    },
    { label: 'no closing boundary', contentType: type, payload: good },
    { label: 'empty body', contentType: type, payload: '' },
    { label: 'garbage', contentType: type, payload: Buffer.from([0, 1, 2, 255, 254, 13, 10, 45, 45]) },
    {
      label: 'header without end',
      contentType: type,
      payload: `--${boundary}${CRLF}Content-Disposition: form`,
    },
    {
      label: 'field only, no file',
      contentType: type,
      payload: Buffer.concat([part(boundary, 'note', 'không có tệp'), end]),
    },
    {
      label: 'two files',
      contentType: type,
      payload: Buffer.concat([good, part(boundary, 'file', valid.content, valid.name), end]),
    },
    {
      label: 'many fields',
      contentType: type,
      payload: Buffer.concat([
        ...Array.from({ length: 40 }, (_, i) => part(boundary, `f${i}`, 'x')),
        good,
        end,
      ]),
    },
    {
      label: 'proto field name',
      contentType: type,
      payload: Buffer.concat([part(boundary, '__proto__', 'x'), good, end]),
    },
    {
      label: 'file name with control characters',
      contentType: type,
      payload: Buffer.concat([part(boundary, 'file', 'Kế hoạch\r\n', 'k\u0001\u001b.txt'), end]),
    },
    { label: 'json instead of a file', contentType: 'application/json', payload: '{"file":"x"}' },
    { label: 'plain text instead of a file', contentType: 'text/plain', payload: 'tệp' },
    { label: 'unknown content type', contentType: 'application/x-fuzz', payload: 'tệp' },
    ...files.map(({ name, content }) => ({
      label: `file ${name}`,
      contentType: type,
      payload: Buffer.concat([part(boundary, 'file', content, name), end]),
    })),
  ];
}
