import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useNavigate } from 'react-router';
import {
  type TodoItem,
  type TodoKind,
  type TodoUrgency,
  todoKindLabels,
} from '../../../../contracts/todo.ts';
import styles from './home.module.css';
import { describeDeadline, groupByUrgency, groupTitle } from './todo-format.ts';

/** One colour per kind, so the same work looks the same wherever it appears (a new kind shows grey). */
const kindColors: Partial<Record<TodoKind, string>> = {
  plan_obligation: 'geekblue',
  plan_follow_up: 'purple',
  registration_review: 'green',
  registration_fix: 'gold',
  assignment: 'cyan',
  milestone: 'blue',
  unit_without_officer: 'magenta',
};

/** The colour of each urgency group's heading (the same as its items' deadlines). */
const urgencyColors: Record<TodoUrgency, string> = {
  overdue: '#cf1322',
  due_soon: '#ad4e00',
  later: '#0b57d0',
  no_deadline: 'rgba(0, 0, 0, 0.75)',
};

/** A kind of work as a coloured tag. */
export function TodoKindTag({ kind }: { kind: TodoKind }) {
  return (
    <Tag
      color={kindColors[kind] ?? 'default'}
      style={{ fontSize: 14, lineHeight: '22px', marginInlineEnd: 0 }}
    >
      {todoKindLabels[kind]}
    </Tag>
  );
}

/** One piece of work: what, for which unit, by when, and the button that opens where it is done. */
function TodoRow({ item }: { item: TodoItem }) {
  const navigate = useNavigate();
  // A title that already names the unit ("Duyệt bản đăng ký của …") does not repeat it below.
  const unitName = item.unit && !item.title.includes(item.unit.name) ? item.unit.name : null;
  const meta = [unitName, item.detail].filter(Boolean).join(' · ');
  return (
    <li className={`${styles.item} ${styles[item.urgency]}`} data-testid="todo-item">
      <div className={styles.itemBody}>
        <TodoKindTag kind={item.kind} />
        <span className={styles.itemTitle}>{item.title}</span>
        {meta && <span className={styles.itemMeta}>{meta}</span>}
        {item.dueOn && (
          <span className={`${styles.deadline} ${styles[item.urgency]}`}>{describeDeadline(item)}</span>
        )}
      </div>
      <div className={styles.itemAction}>
        <Button
          size="large"
          type={item.urgency === 'overdue' || item.urgency === 'due_soon' ? 'primary' : 'default'}
          icon={<ArrowRightOutlined aria-hidden />}
          iconPlacement="end"
          onClick={() => navigate(item.link)}
          aria-label={`${item.actionLabel}: ${item.title}`}
        >
          {item.actionLabel}
        </Button>
      </div>
    </li>
  );
}

/** The items grouped by urgency (Quá hạn, Sắp đến hạn, Sắp tới, Không có hạn), each group a titled list. */
export function TodoGroups({ items }: { items: TodoItem[] }) {
  return (
    <>
      {groupByUrgency(items).map((group) => (
        <section key={group.urgency} className={styles.group} aria-labelledby={`nhom-${group.urgency}`}>
          <h2
            id={`nhom-${group.urgency}`}
            className={styles.groupTitle}
            style={{ color: urgencyColors[group.urgency] }}
          >
            {groupTitle(group.urgency)} ({group.items.length})
          </h2>
          <ul className={styles.items}>
            {group.items.map((item) => (
              <TodoRow key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
