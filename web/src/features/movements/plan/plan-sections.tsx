import type { DocNode } from '../../../../../contracts/documents.ts';
import styles from './plan.module.css';

/** One body node and its sub-items, indented by depth. */
function SectionNode({ node, depth }: { node: DocNode; depth: number }) {
  const isHeading = depth === 0;
  return (
    <li className={isHeading ? styles.sectionHeading : styles.sectionItem}>
      <span>
        {node.label && <strong className={styles.label}>{node.label}</strong>}
        {node.text}
      </span>
      {node.children.length > 0 && (
        <ul className={styles.sectionList}>
          {node.children.map((child) => (
            <SectionNode
              key={`${child.lines[0]}-${child.text.slice(0, 20)}`}
              node={child}
              depth={depth + 1}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A body (I. / 1. / a) / -, or Chương / Điều / khoản) as an indented tree. */
export function PlanSections({
  sections,
  label = 'Nội dung kế hoạch',
}: {
  sections: DocNode[];
  label?: string;
}) {
  if (sections.length === 0) return <p>Kế hoạch chưa có nội dung.</p>;
  return (
    <ul className={styles.sectionList} aria-label={label}>
      {sections.map((node) => (
        <SectionNode key={`${node.lines[0]}-${node.text.slice(0, 20)}`} node={node} depth={0} />
      ))}
    </ul>
  );
}
