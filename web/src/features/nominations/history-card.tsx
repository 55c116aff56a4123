import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Timeline, Typography } from 'antd';
import { NominationHistoryPage } from '../../../../contracts/nomination-history.ts';
import { api } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { describeError } from '../../lib/notify.ts';

const colour = (action: string) =>
  action.endsWith('return') || action.endsWith('decline')
    ? 'red'
    : action.endsWith('decide')
      ? 'green'
      : 'blue';

/** The history of a tờ trình, oldest first: who did what and when, with the reasons given; 30 steps a page. */
export function NominationHistoryCard({ nominationId }: { nominationId: string }) {
  const history = useInfiniteQuery({
    queryKey: ['nominations', 'history', nominationId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get(`/api/nominations/${nominationId}/history?limit=30${pageParam ? `&after=${pageParam}` : ''}`, {
        schema: NominationHistoryPage,
        signal,
      }),
    getNextPageParam: (page) => page.next,
  });
  const events = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="Lịch sử xử lý" style={{ marginTop: 16 }} loading={history.isPending}>
      {history.isError && <Alert type="error" showIcon title={describeError(history.error)} />}
      {!history.isError && events.length === 0 && (
        <Typography.Text type="secondary">Chưa có bước xử lý nào.</Typography.Text>
      )}
      <Timeline
        items={events.map((event) => ({
          key: event.id,
          color: colour(event.action),
          content: (
            <>
              <Typography.Text strong>{event.label}</Typography.Text>
              {event.nomineeName && <> — {event.nomineeName}</>}
              <div>
                <Typography.Text type="secondary">
                  {formatDateTime(event.occurredAt)}
                  {event.actorUsername ? ` · ${event.actorUsername}` : ''}
                </Typography.Text>
              </div>
              {event.reason && <div>Lý do: {event.reason}</div>}
            </>
          ),
        }))}
      />
      {history.hasNextPage && (
        <Button onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
    </Card>
  );
}
