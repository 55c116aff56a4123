import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useNotifications } from './notifications.api.ts';
import { useOpenNotification } from './use-open-notification.ts';

/** The bell in the header: the unread count, and the latest notifications in a popover. */
export function NotificationBell() {
  const notifications = useNotifications({ limit: 8 });
  const open = useOpenNotification();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? `Thông báo (${unread} chưa đọc)` : 'Thông báo';

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }}>
      {(notifications.data?.items.length ?? 0) === 0 ? (
        <Empty description="Chưa có thông báo" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={notifications.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              style={{
                cursor: 'pointer',
                background: item.readAt ? undefined : '#e6f4ff',
                padding: '8px 10px',
              }}
              onClick={() => {
                setOpen(false);
                open(item);
              }}
            >
              <div>
                <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {formatDateTime(item.createdAt)}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          navigate('/thong-bao');
        }}
      >
        Xem tất cả thông báo
      </Button>
    </div>
  );

  return (
    <Popover
      content={content}
      title="Thông báo"
      trigger="click"
      placement="bottomRight"
      open={isOpen}
      onOpenChange={setOpen}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" size="large" icon={<BellOutlined aria-hidden />} aria-label={label} />
      </Badge>
    </Popover>
  );
}
