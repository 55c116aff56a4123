import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { DocNode } from '../../../../../contracts/documents.ts';
import styles from './plan.module.css';

/** Called with a node's position (indexes from the top level down) when the user edits its text. */
type EditNode = (path: number[], node: DocNode) => void;

/** One body node and its sub-items, indented by depth; with a "Sửa" button when editable. */
function SectionNode({
  node,
  path,
  onEdit,
}: {
  node: DocNode;
  path: number[];
  onEdit: EditNode | undefined;
}) {
  const isHeading = path.length === 1;
  return (
    <li className={isHeading ? styles.sectionHeading : styles.sectionItem}>
      <span>
        {node.label && <strong className={styles.label}>{node.label}</strong>}
        {node.text}
      </span>
      {onEdit && (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined aria-hidden />}
          aria-label={`Sửa mục ${node.label ?? ''} ${node.text.slice(0, 40)}`.replace(/\s+/g, ' ')}
          onClick={() => onEdit(path, node)}
          className={styles.sectionEdit}
        >
          Sửa
        </Button>
      )}
      {node.children.length > 0 && (
        <ul className={styles.sectionList}>
          {node.children.map((child, index) => (
            <SectionNode
              key={`${child.lines[0]}-${child.text.slice(0, 20)}`}
              node={child}
              path={[...path, index]}
              onEdit={onEdit}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A body (I. / 1. / a) / -, or Chương / Điều / khoản) as an indented tree; each item editable when `onEdit` is given. */
export function PlanSections({
  sections,
  label = 'Nội dung kế hoạch',
  onEdit,
}: {
  sections: DocNode[];
  label?: string;
  onEdit?: EditNode;
}) {
  if (sections.length === 0) return <p>Kế hoạch chưa có nội dung.</p>;
  return (
    <ul className={styles.sectionList} aria-label={label}>
      {sections.map((node, index) => (
        <SectionNode
          key={`${node.lines[0]}-${node.text.slice(0, 20)}`}
          node={node}
          path={[index]}
          onEdit={onEdit}
        />
      ))}
    </ul>
  );
}
