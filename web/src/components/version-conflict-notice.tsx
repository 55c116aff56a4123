import { Alert, Button, Table, Typography } from 'antd';
import type { ConflictDifference, VersionedEdit } from '../lib/version-conflict.ts';

/**
 * The notice an edit form shows when someone else saved the record first: the server's message and
 * "Tải lại bản mới"; after reloading, each field the other person changed beside what the user has,
 * those the user had not touched already filled in with the fresh value.
 */
export function VersionConflictNotice({ edit }: { edit: VersionedEdit }) {
  const { state } = edit;
  if (!state) return null;
  if (!state.isReloaded) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 16 }}
        title={state.message}
        action={
          <Button type="primary" onClick={edit.reload}>
            Tải lại bản mới
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      title="Đã tải bản mới nhất. Những gì bạn đã sửa vẫn còn trong các ô; bấm “Lưu” để lưu lên bản mới."
      description={
        state.differences.length === 0 ? (
          'Người kia không sửa các ô bạn đang sửa.'
        ) : (
          <Table<ConflictDifference>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={state.differences}
            columns={[
              { title: 'Trường', dataIndex: 'label', width: 140 },
              { title: 'Nội dung của bạn', dataIndex: 'typed' },
              { title: 'Bản mới nhất', dataIndex: 'fresh' },
              {
                title: '',
                width: 140,
                render: (_, difference) =>
                  difference.kind === 'taken' ? (
                    <Typography.Text type="secondary">Đã lấy bản mới</Typography.Text>
                  ) : (
                    <Button size="small" onClick={() => edit.takeFresh(difference.name)}>
                      Dùng bản mới
                    </Button>
                  ),
              },
            ]}
          />
        )
      }
    />
  );
}
