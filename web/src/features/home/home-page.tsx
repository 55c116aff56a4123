import { Alert, Card, Result, Skeleton, Tag, Typography } from 'antd';
import type { TodoList } from '../../../../contracts/todo.ts';
import { todoKindLabels } from '../../../../contracts/todo.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { describeError } from '../../lib/notify.ts';
import { describeGrant, useSession } from '../auth/index.ts';
import { useHealth } from './health.api.ts';
import styles from './home.module.css';
import { useTodo } from './todo.api.ts';
import { formatCount } from './todo-format.ts';
import { TodoGroups } from './todo-list.tsx';

const engineLabels = { pglite: 'PGlite (nhúng, không cần cài đặt)', postgres: 'PostgreSQL' } as const;

/** How many items of each kind, as tiles at the top of the page. */
function TodoCounts({ list }: { list: TodoList }) {
  return (
    <ul className={styles.counts} aria-label="Số việc theo loại">
      {list.counts.map((count) => (
        <li key={count.kind} className={styles.count} data-testid="todo-count">
          <span className={styles.countNumber}>{formatCount(count.count, count.isCapped)}</span>
          <span className={styles.countLabel}>{todoKindLabels[count.kind]}</span>
        </li>
      ))}
    </ul>
  );
}

/** What the list holds in one sentence: how many items, how many overdue, whether some are not shown. */
function summary(list: TodoList): string {
  const overdue = list.items.filter((item) => item.urgency === 'overdue').length;
  const total = formatCount(
    list.total,
    list.counts.some((count) => count.isCapped),
  );
  const counted = `Anh/chị có ${total} việc cần làm${overdue > 0 ? `, trong đó ${overdue} việc đã quá hạn` : ''}.`;
  return list.items.length > 1 ? `${counted} Việc gấp nhất được xếp lên đầu.` : counted;
}

/** The to-do list, or why it is empty, or why it could not be read. */
function TodoSection() {
  const todo = useTodo();
  if (todo.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (todo.isError)
    return <LoadFailedResult message={describeError(todo.error)} onRetry={() => void todo.refetch()} />;
  const list = todo.data;
  if (!list.items.length)
    return (
      <Card>
        <Result
          status="success"
          title="Không có việc nào cần làm."
          subTitle="Khi đơn vị của anh/chị phải ban hành kế hoạch, có bản đăng ký chờ duyệt hay nhiệm vụ, mốc tiến độ sắp đến hạn, việc sẽ hiện ở đây kèm hạn và nút mở đúng chỗ cần làm."
        />
      </Card>
    );
  return (
    <>
      <Typography.Paragraph style={{ fontSize: 16, marginBottom: 12 }}>{summary(list)}</Typography.Paragraph>
      <TodoCounts list={list} />
      {list.isTruncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đang hiển thị ${list.items.length} việc gấp nhất trên tổng số ${formatCount(
            list.total,
            list.counts.some((count) => count.isCapped),
          )} việc.`}
        />
      )}
      <TodoGroups items={list.items} />
    </>
  );
}

/** Home page: "Việc cần làm" — the user's work, most urgent first — under a short greeting. */
export function HomePage() {
  const { user } = useSession();
  const health = useHealth();
  if (!user) return null;

  return (
    <>
      <PageHeader title="Việc cần làm" />
      <div className={styles.greeting}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18, fontWeight: 500 }}>
          Xin chào, {user.fullName}
        </Typography.Title>
        <span className={styles.grants}>
          {user.grants.length ? (
            user.grants.map((grant) => (
              <Tag key={describeGrant(grant)} color="blue" className={styles.grant}>
                {describeGrant(grant)}
              </Tag>
            ))
          ) : (
            <Typography.Text type="warning">
              Tài khoản chưa được phân quyền. Vui lòng liên hệ quản trị viên.
            </Typography.Text>
          )}
        </span>
      </div>
      <TodoSection />
      <div className={styles.systemInfo}>
        {health.data
          ? `Phiên bản ${health.data.version} · Cơ sở dữ liệu: ${engineLabels[health.data.db]}`
          : health.isError
            ? 'Chưa lấy được thông tin phiên bản.'
            : null}
      </div>
    </>
  );
}
