import { GlobalOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '../lib/format.ts';

/**
 * Publication of a record on the public portal (/cong-khai): a tag with the day it was published
 * and a link to its public page, and the buttons "Công bố trên cổng công khai" / "Thôi công bố",
 * each behind a confirmation. The server says which move is allowed.
 */
export function PortalPublication(props: {
  publishedAt: string | null;
  canPublish: boolean;
  canWithdraw: boolean;
  /** The record's address on the portal, e.g. /cong-khai/quyet-dinh/<id>. */
  publicPath: string;
  /** What is published, for the confirmation ("quyết định", "phong trào và kế hoạch"). */
  what: string;
  onMove: (move: 'publish' | 'withdraw-publication') => Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  const move = (path: 'publish' | 'withdraw-publication') => async () => {
    setBusy(true);
    try {
      await props.onMove(path);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {props.publishedAt && (
        <Tag color="green" icon={<GlobalOutlined aria-hidden />}>
          Đã công bố {formatDate(props.publishedAt)} ·{' '}
          <a href={props.publicPath} target="_blank" rel="noreferrer">
            Xem trên cổng công khai
          </a>
        </Tag>
      )}
      {props.canPublish && !props.publishedAt && (
        <Popconfirm
          title="Công bố trên cổng công khai?"
          description={`Mọi người xem được ${props.what} tại ${props.publicPath} mà không cần đăng nhập.`}
          okText="Công bố"
          cancelText="Hủy"
          onConfirm={move('publish')}
        >
          <Button icon={<GlobalOutlined aria-hidden />} loading={busy}>
            Công bố trên cổng công khai
          </Button>
        </Popconfirm>
      )}
      {props.canWithdraw && props.publishedAt && (
        <Popconfirm
          title="Thôi công bố trên cổng công khai?"
          description={`Trang công khai của ${props.what} sẽ không còn xem được.`}
          okText="Thôi công bố"
          cancelText="Hủy"
          onConfirm={move('withdraw-publication')}
        >
          <Button loading={busy}>Thôi công bố</Button>
        </Popconfirm>
      )}
    </>
  );
}
