import type { Executor } from '../db/client.ts';
import { type ChainRow, chainHash, findUnchained, GENESIS_HASH, readChain, readChainBatch } from './chain.ts';

/** What is wrong at the first bad place in the chain. */
export interface ChainProblem {
  /** altered: content changed; removed: events missing; inserted: an event that was never written by the server; broken: the link is cut and which of the two happened cannot be told apart. */
  kind: 'altered' | 'removed' | 'inserted' | 'broken';
  /** The chain position of the bad (or first missing) event. */
  seq: number | null;
  /** The bad event's id; null when the event itself is gone. */
  id: string | null;
  /** One Vietnamese sentence for the administrator. */
  message: string;
}

/** The outcome of `verifyAuditChain`. */
export type ChainReport =
  | { intact: true; events: number; head: { seq: number; hash: string } | null }
  | { intact: false; events: number; problem: ChainProblem };

const label = (row: Pick<ChainRow, 'seq' | 'id'>) => `sự kiện số ${row.seq} (mã ${row.id})`;

/** The first problem at `row`, given the two events before it, or null when it is sound. */
async function checkRow(
  executor: Executor,
  row: ChainRow,
  previous: ChainRow | null,
  beforePrevious: ChainRow | null,
): Promise<ChainProblem | null> {
  const expected = previous ? previous.seq + 1 : 1;
  if (previous && row.seq === previous.seq) {
    return {
      kind: 'inserted',
      seq: row.seq,
      id: row.id,
      message: `Sự kiện mã ${row.id} bị chèn thêm: trùng số thứ tự ${row.seq} với sự kiện mã ${previous.id}.`,
    };
  }
  if (row.seq > expected) {
    const range = row.seq - 1 > expected ? `${expected}–${row.seq - 1}` : `${expected}`;
    return {
      kind: 'removed',
      seq: expected,
      id: null,
      message: `Thiếu sự kiện số ${range} (ngay trước ${label(row)}): đã bị xóa.`,
    };
  }
  const link = previous?.hash ?? GENESIS_HASH;
  if (row.prevHash !== link) {
    if (previous && row.prevHash === (beforePrevious?.hash ?? GENESIS_HASH)) {
      return {
        kind: 'inserted',
        seq: previous.seq,
        id: previous.id,
        message: `${capitalise(label(previous))} bị chèn thêm: sự kiện kế tiếp nối thẳng vào sự kiện trước nó.`,
      };
    }
    return {
      kind: 'broken',
      seq: row.seq,
      id: row.id,
      message: previous
        ? `Chuỗi bị đứt trước ${label(row)}: ${label(previous)} đã bị sửa rồi tính lại mã, hoặc có sự kiện bị xóa giữa hai sự kiện này.`
        : `Chuỗi bị đứt ở ${label(row)}: các sự kiện đầu tiên đã bị xóa.`,
    };
  }
  if (row.hash !== chainHash(row.prevHash, row.canonical)) {
    const [next] = await readChainBatch(executor, row, 1);
    if (next && next.prevHash === link) {
      return {
        kind: 'inserted',
        seq: row.seq,
        id: row.id,
        message: `${capitalise(label(row))} bị chèn thêm: sự kiện kế tiếp nối thẳng vào sự kiện trước nó.`,
      };
    }
    return {
      kind: 'altered',
      seq: row.seq,
      id: row.id,
      message: `${capitalise(label(row))} đã bị sửa: nội dung không khớp mã kiểm tra.`,
    };
  }
  return null;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Walks the audit trail in chain order, holding only the last two events, and reports the first
 * altered, removed or inserted event. `knownHead` (a seq and hash noted from an earlier run) also
 * catches the removal of the newest events, which a chain alone cannot see.
 */
export async function verifyAuditChain(
  executor: Executor,
  knownHead?: { seq: number; hash: string },
): Promise<ChainReport> {
  let previous: ChainRow | null = null;
  let beforePrevious: ChainRow | null = null;
  let events = 0;
  for await (const row of readChain(executor)) {
    const problem = await checkRow(executor, row, previous, beforePrevious);
    if (problem) return { intact: false, events, problem };
    if (knownHead && row.seq === knownHead.seq && row.hash !== knownHead.hash) {
      return {
        intact: false,
        events,
        problem: {
          kind: 'broken',
          seq: row.seq,
          id: row.id,
          message: `${capitalise(label(row))} không còn mang mã đã ghi lại: nhật ký đã bị viết lại từ đó trở về trước.`,
        },
      };
    }
    beforePrevious = previous;
    previous = row;
    events++;
  }
  const unchained = await findUnchained(executor);
  if (unchained) {
    return {
      intact: false,
      events,
      problem: {
        kind: 'inserted',
        seq: null,
        id: unchained,
        message: `Sự kiện mã ${unchained} bị chèn thêm: không có số thứ tự hoặc mã kiểm tra.`,
      },
    };
  }
  if (knownHead && (previous?.seq ?? 0) < knownHead.seq) {
    return {
      intact: false,
      events,
      problem: {
        kind: 'removed',
        seq: (previous?.seq ?? 0) + 1,
        id: null,
        message: `Thiếu sự kiện số ${(previous?.seq ?? 0) + 1}–${knownHead.seq}: các sự kiện mới nhất đã bị xóa (mốc đã ghi lại là số ${knownHead.seq}).`,
      },
    };
  }
  return { intact: true, events, head: previous ? { seq: previous.seq, hash: previous.hash } : null };
}
