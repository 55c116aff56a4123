import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { describeError, showSuccess } from '../../../lib/notify.ts';
import { useCouncils } from '../councils/councils.api.ts';
import { BlocTable } from './bloc-table.tsx';
import { useBlocs, useBlocYears, useCopyBlocYear } from './blocs.api.ts';
import { YearSelect } from './year-select.tsx';

/** The year asked for in the address, or null when none (or not a year) is given. */
function readYear(value: string | null): number | null {
  const year = Number(value);
  return value && Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null;
}

/** The year to open on: the current year when it has blocs, else the latest year that has some. */
function defaultYear(yearsWithBlocs: readonly number[] | undefined): number {
  const current = new Date().getFullYear();
  if (!yearsWithBlocs?.length || yearsWithBlocs.includes(current)) return current;
  return yearsWithBlocs[0] ?? current;
}

/**
 * "Khối, cụm thi đua" of a year: member units, head and deputy, supervising council member; officers copy
 * a council's blocs to the next year with the head passing on in turn.
 */
export function BlocPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedYear = readYear(searchParams.get('year'));
  const councils = useCouncils();
  const councilItems = councils.data?.items ?? [];
  const councilId =
    councilItems.find((council) => council.id === searchParams.get('councilId'))?.id ??
    (councilItems.length === 1 ? councilItems[0]?.id : undefined);
  const council = councilItems.find((item) => item.id === councilId);
  const years = useBlocYears(councilId);
  const year = requestedYear ?? defaultYear(years.data?.years);
  const blocs = useBlocs(year, councilId, requestedYear !== null || !years.isPending);
  const copy = useCopyBlocYear();
  const copyKey = useIdempotencyKey();
  const { modal } = App.useApp();

  const setFilter = (next: { year?: number; councilId?: string | undefined }) => {
    const params = new URLSearchParams();
    params.set('year', String(next.year ?? year));
    const chosen = 'councilId' in next ? next.councilId : councilId;
    if (chosen) params.set('councilId', chosen);
    setSearchParams(params);
  };

  const confirmCopy = () => {
    if (!council) return;
    modal.confirm({
      title: `Sao chép khối/cụm sang năm ${year + 1}?`,
      content: `Các khối/cụm năm ${year} của ${council.name} sẽ được tạo lại cho năm ${year + 1}, giữ nguyên đơn vị thành viên; vai trò trưởng khối/cụm chuyển cho đơn vị kế tiếp theo thứ tự luân phiên.`,
      okText: 'Sao chép',
      cancelText: 'Hủy',
      onOk: () =>
        copy
          .mutateAsync({ body: { councilId: council.id, fromYear: year }, idempotencyKey: copyKey.key })
          .then((result) => {
            copyKey.renew();
            showSuccess(`Đã sao chép ${result.copied} khối/cụm sang năm ${result.year}.`);
            setFilter({ year: result.year });
          }),
    });
  };

  const canCopy = Boolean(council?.actions.includes('edit')) && (blocs.data?.items.length ?? 0) > 0;

  return (
    <>
      <PageHeader
        title="Khối, cụm thi đua"
        description="Đơn vị thành viên, trưởng và phó khối/cụm, thành viên Hội đồng phụ trách theo từng năm."
        extra={
          canCopy && (
            <Button icon={<CopyOutlined aria-hidden />} onClick={confirmCopy} loading={copy.isPending}>
              Sao chép sang năm {year + 1}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <YearSelect value={year} onChange={(next) => setFilter({ year: next })} />
          {councilItems.length > 1 && (
            <Select
              aria-label="Hội đồng"
              size="large"
              allowClear
              placeholder="Tất cả Hội đồng"
              value={councilId}
              onChange={(next) => setFilter({ councilId: next })}
              options={councilItems.map((item) => ({
                value: item.id,
                label: `${item.name} – ${item.unitName}`,
              }))}
              style={{ minWidth: 280, flex: 1 }}
            />
          )}
          {council && councilItems.length === 1 && (
            <Typography.Text type="secondary">{council.name}</Typography.Text>
          )}
        </Flex>
        {blocs.isError && !blocs.data ? (
          <LoadFailedResult message={describeError(blocs.error)} onRetry={() => void blocs.refetch()} />
        ) : (
          <BlocTable
            blocs={blocs.data?.items ?? []}
            isLoading={blocs.isFetching}
            emptyText={`Chưa có khối/cụm thi đua nào năm ${year}.`}
          />
        )}
      </Card>
    </>
  );
}
