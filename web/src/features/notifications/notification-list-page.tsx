import { Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CursorPager, type CursorPosition, LoadFailedResult, PageHeader } from '../../components/index.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { describeError } from '../../lib/notify.ts';
import { useNotifications } from './notifications.api.ts';
import { useOpenNotification } from './use-open-notification.ts';

/** All of the user's notifications; opening one marks it read and goes to its page. */
export function NotificationListPage() {
  const [position, setPosition] = useState<CursorPosition>({ limit: 50 });
  const notifications = useNotifications(position);
  const open = useOpenNotification();
  if (notifications.isError)
    return (
      <LoadFailedResult
        message={describeError(notifications.error)}
        onRetry={() => void notifications.refetch()}
      />
    );
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title="Thông báo"
        description={
          unread > 0 ? `Có ${formatNumber(unread)} thông báo chưa đọc.` : 'Không có thông báo mới.'
        }
      />
      <Card>
        <List
          loading={notifications.isPending}
          dataSource={notifications.data?.items ?? []}
          locale={{ emptyText: 'Chưa có thông báo nào.' }}
          renderItem={(item) => (
            <List.Item
              style={{
                cursor: 'pointer',
                background: item.readAt ? undefined : '#e6f4ff',
                paddingInline: 12,
              }}
              onClick={() => open(item)}
              data-testid="notification"
            >
              <List.Item.Meta
                title={
                  <span style={{ fontSize: 16 }}>
                    {!item.readAt && <Tag color="blue">Mới</Tag>}
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </span>
                }
                description={
                  <>
                    <div style={{ fontSize: 15, color: 'rgba(0,0,0,0.75)' }}>{item.body}</div>
                    <div>{formatDateTime(item.createdAt)}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
        <CursorPager
          page={notifications.data}
          position={position}
          onChange={setPosition}
          noun="thông báo"
          isLoading={notifications.isFetching}
        />
      </Card>
    </>
  );
}
