import { LeftOutlined, RightOutlined, VerticalRightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import type { ListTotal } from '../../../contracts/common.ts';
import { formatNumber } from '../lib/format.ts';

/** Where a keyset-paged list is: its cursors and page size, kept in the URL so a link reopens the same page. */
export interface CursorPosition {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

interface CursorPagerProps {
  /** The page shown: its cursors and total, as the API answered. */
  page: { next: string | null; prev: string | null; total: ListTotal } | undefined;
  position: CursorPosition;
  onChange: (position: CursorPosition) => void;
  /** What the list counts, e.g. "cán bộ". */
  noun: string;
  /** Asks the server for the exact total when it said "more than 10,000". */
  onExactTotal?: () => void;
  isLoading?: boolean;
  pageSizes?: number[];
}

/** The total as officials read it: "Tổng số 1.234 cán bộ" or "Hơn 10.000 cán bộ" (a search: "Hơn 1.000"). */
export function describeTotal(total: ListTotal, noun: string): string {
  return total.exact
    ? `Tổng số ${formatNumber(total.value)} ${noun}`
    : `Hơn ${formatNumber(total.value)} ${noun}`;
}

/**
 * First / previous / next buttons for a keyset-paged list, the total (capped at 10,000 unless the
 * user asks for the exact figure) and the page size. Large buttons with words, for older users.
 */
export function CursorPager({
  page,
  position,
  onChange,
  noun,
  onExactTotal,
  isLoading,
  pageSizes = [10, 20, 50, 100],
}: CursorPagerProps) {
  const atStart = !position.after && !position.before;
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
      <Typography.Text>
        {page ? describeTotal(page.total, noun) : '\u00a0'}
        {page && !page.total.exact && onExactTotal && (
          <Button type="link" onClick={onExactTotal} disabled={isLoading}>
            Đếm chính xác
          </Button>
        )}
      </Typography.Text>
      <Flex gap={8} wrap align="center">
        <Button
          icon={<VerticalRightOutlined aria-hidden />}
          disabled={atStart || isLoading}
          onClick={() => onChange({ limit: position.limit })}
        >
          Trang đầu
        </Button>
        <Button
          icon={<LeftOutlined aria-hidden />}
          disabled={!page?.prev || isLoading}
          onClick={() => page?.prev && onChange({ before: page.prev, limit: position.limit })}
        >
          Trang trước
        </Button>
        <Button
          disabled={!page?.next || isLoading}
          onClick={() => page?.next && onChange({ after: page.next, limit: position.limit })}
        >
          Trang sau <RightOutlined aria-hidden />
        </Button>
        <Select
          aria-label="Số dòng mỗi trang"
          value={position.limit}
          onChange={(limit) => onChange({ limit })}
          options={pageSizes.map((size) => ({ value: size, label: `${size} dòng / trang` }))}
          style={{ minWidth: 140 }}
        />
      </Flex>
    </Flex>
  );
}

/** Reads a list's position from the URL's `after`, `before` and `limit`. */
export function readCursorPosition(params: URLSearchParams, defaultLimit = 20): CursorPosition {
  const limit = Number(params.get('limit'));
  return {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : defaultLimit,
  };
}

/** Writes a list's position into URL parameters (keeping the others, e.g. filters). */
export function writeCursorPosition(params: URLSearchParams, position: CursorPosition): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['after', 'before', 'limit', 'page', 'pageSize']) next.delete(key);
  if (position.after) next.set('after', position.after);
  if (position.before) next.set('before', position.before);
  next.set('limit', String(position.limit));
  return next;
}
