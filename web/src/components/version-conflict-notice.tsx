import { Alert, Button, Table } from 'antd';
import type { ConflictDifference, VersionedEdit } from '../lib/version-conflict.ts';

/**
 * The notice an edit form shows when someone else saved the record first: the server's message and
 * "Tải lại bản mới"; after reloading, what the user typed beside the fresh values, field by field.
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
      title="Đã tải bản mới nhất. Những gì bạn đã nhập vẫn còn trong các ô; bấm “Lưu” để lưu lên bản mới."
      description={
        state.differences.length === 0 ? (
          'Bản mới không khác những gì bạn đang nhập ở các ô này.'
        ) : (
          <Table<ConflictDifference>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={state.differences}
            columns={[
              { title: 'Trường', dataIndex: 'label', width: 140 },
              { title: 'Bạn đã nhập', dataIndex: 'typed' },
              { title: 'Bản mới nhất', dataIndex: 'fresh' },
              {
                title: '',
                width: 130,
                render: (_, difference) => (
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
