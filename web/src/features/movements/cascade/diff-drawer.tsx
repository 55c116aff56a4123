import { Alert, Drawer, Empty, Grid, List, Skeleton, Tag, Typography } from 'antd';
import type { DiffItem, ItemListDiff } from '../../../../../contracts/documents.ts';
import { describeError } from '../../../lib/notify.ts';
import { usePlanDiff } from './cascade.api.ts';

const itemText = (item: DiffItem) => `${item.label ? `${item.label} ` : ''}${item.text}`;

/** Added, removed and reworded criteria of one list. */
function CriteriaChanges({ title, changes }: { title: string; changes: ItemListDiff }) {
  const rows = [
    ...changes.reworded.map((item) => ({
      key: `r-${item.child.lines[0]}`,
      tag: <Tag color="orange">Sửa lời</Tag>,
      body: (
        <>
          <div>
            <Typography.Text type="secondary">Cấp trên: </Typography.Text>
            <Typography.Text delete>{itemText(item.parent)}</Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary">Cấp dưới: </Typography.Text>
            <Typography.Text strong>{itemText(item.child)}</Typography.Text>
          </div>
        </>
      ),
    })),
    ...changes.added.map((item) => ({
      key: `a-${item.lines[0]}`,
      tag: <Tag color="green">Thêm</Tag>,
      body: <span>{itemText(item)}</span>,
    })),
    ...changes.removed.map((item) => ({
      key: `d-${item.lines[0]}`,
      tag: <Tag color="red">Bỏ</Tag>,
      body: <Typography.Text delete>{itemText(item)}</Typography.Text>,
    })),
  ];
  return (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 17 }}>
        {title}
      </Typography.Title>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">
          Giống kế hoạch cấp trên ({changes.unchanged} tiêu chí).
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={rows}
          renderItem={(row) => (
            <List.Item key={row.key}>
              <div style={{ display: 'flex', gap: 8, fontSize: 15 }} data-testid="diff-item">
                <span>{row.tag}</span>
                <div>{row.body}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

/** The drawer comparing a lower unit's implementing plan with the parent plan. */
export function DiffDrawer({
  movementId,
  title,
  onClose,
}: {
  movementId: string;
  title: string;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const diff = usePlanDiff(movementId);
  return (
    <Drawer
      open
      onClose={onClose}
      title={`Khác biệt so với kế hoạch cấp trên – ${title}`}
      size={screens.md ? 720 : '100%'}
    >
      {diff.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {diff.isError && <Alert type="error" showIcon title={describeError(diff.error)} />}
      {diff.data && (
        <>
          <Typography.Title level={3} style={{ fontSize: 17 }}>
            Tóm tắt
          </Typography.Title>
          <div data-testid="diff-summary" style={{ whiteSpace: 'pre-wrap', fontSize: 15, marginBottom: 16 }}>
            {diff.data.summary}
          </div>
          <CriteriaChanges
            title="Tiêu chuẩn thi đua đối với tập thể"
            changes={diff.data.diff.criteria.collective}
          />
          <CriteriaChanges
            title="Tiêu chuẩn thi đua đối với cá nhân"
            changes={diff.data.diff.criteria.individual}
          />
          {diff.data.diff.sections.added.length + diff.data.diff.sections.removed.length === 0 ? null : (
            <>
              <Typography.Title level={3} style={{ fontSize: 17 }}>
                Các phần của kế hoạch
              </Typography.Title>
              <List
                size="small"
                dataSource={[
                  ...diff.data.diff.sections.added.map((heading) => `Thêm: ${heading}`),
                  ...diff.data.diff.sections.removed.map((heading) => `Bỏ: ${heading}`),
                ]}
                renderItem={(line) => <List.Item>{line}</List.Item>}
                locale={{ emptyText: <Empty description="Không có" /> }}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
