import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Empty, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CriteriaEdit, CriteriaTrees, CriterionNode } from '../../../../../contracts/movements.ts';
import { CriterionModal, type CriterionValues } from './criterion-modal.tsx';
import styles from './plan.module.css';
import { treeLabels } from './plan-labels.ts';

type Tree = keyof CriteriaTrees;
type Editing = { kind: 'add'; tree: Tree } | { kind: 'reword'; tree: Tree; node: CriterionNode };

interface CriteriaTreeProps {
  criteria: CriteriaTrees;
  /** Given to managers of a current plan; absent for older versions and other users (read-only). */
  onEdit?: (edit: CriteriaEdit) => Promise<unknown>;
  isSaving?: boolean;
}

interface NodeProps {
  tree: Tree;
  node: CriterionNode;
  siblings: CriterionNode[];
  index: number;
  parentId: string | null;
  depth: number;
  onEdit: CriteriaTreeProps['onEdit'];
  onReword: (tree: Tree, node: CriterionNode) => void;
  isSaving: boolean;
}

/** One criterion with its points and, for managers, the buttons to reword, move and delete it. */
function CriterionRow({
  tree,
  node,
  siblings,
  index,
  parentId,
  depth,
  onEdit,
  onReword,
  isSaving,
}: NodeProps) {
  return (
    <>
      <div className={styles.criteriaRow} style={{ paddingLeft: depth * 24 }} data-testid="criterion">
        <span className={styles.criteriaText}>
          {node.label && <strong className={styles.label}>{node.label}</strong>}
          {node.text}
        </span>
        {node.points !== null && <span className={styles.points}>{node.points} điểm</span>}
        {onEdit && (
          <Space size={4} className={styles.criteriaActions}>
            <Tooltip title="Sửa lời, điểm">
              <Button
                icon={<EditOutlined aria-hidden />}
                aria-label={`Sửa tiêu chí: ${node.text}`}
                onClick={() => onReword(tree, node)}
              />
            </Tooltip>
            <Tooltip title="Chuyển lên">
              <Button
                icon={<ArrowUpOutlined aria-hidden />}
                aria-label="Chuyển lên"
                disabled={index === 0 || isSaving}
                onClick={() => void onEdit({ op: 'move', tree, id: node.id, parentId, index: index - 1 })}
              />
            </Tooltip>
            <Tooltip title="Chuyển xuống">
              <Button
                icon={<ArrowDownOutlined aria-hidden />}
                aria-label="Chuyển xuống"
                disabled={index === siblings.length - 1 || isSaving}
                onClick={() => void onEdit({ op: 'move', tree, id: node.id, parentId, index: index + 1 })}
              />
            </Tooltip>
            <Popconfirm
              title="Xóa tiêu chí này?"
              description="Có thể xem lại ở phiên bản cũ của kế hoạch."
              okText="Xóa"
              cancelText="Không"
              onConfirm={() => onEdit({ op: 'delete', tree, id: node.id })}
            >
              <Button danger icon={<DeleteOutlined aria-hidden />} aria-label="Xóa tiêu chí" />
            </Popconfirm>
          </Space>
        )}
      </div>
      {node.children.map((child, childIndex) => (
        <CriterionRow
          key={child.id}
          tree={tree}
          node={child}
          siblings={node.children}
          index={childIndex}
          parentId={node.id}
          depth={depth + 1}
          onEdit={onEdit}
          onReword={onReword}
          isSaving={isSaving}
        />
      ))}
    </>
  );
}

/** The criteria for collectives and for individuals; managers add, reword, move, delete and score. */
export function CriteriaTree({ criteria, onEdit, isSaving = false }: CriteriaTreeProps) {
  const [editing, setEditing] = useState<Editing | null>(null);

  const save = async (values: CriterionValues) => {
    if (!editing || !onEdit) return;
    if (editing.kind === 'add') {
      await onEdit({
        op: 'add',
        tree: editing.tree,
        parentId: null,
        text: values.text,
        points: values.points,
      });
    } else {
      await onEdit({
        op: 'reword',
        tree: editing.tree,
        id: editing.node.id,
        text: values.text,
        points: values.points,
      });
    }
    setEditing(null);
  };

  return (
    <>
      {(Object.keys(treeLabels) as Tree[]).map((tree) => (
        <section key={tree} style={{ marginBottom: 20 }} aria-label={treeLabels[tree]}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
              {treeLabels[tree]}
            </Typography.Title>
            {onEdit && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'add', tree })}>
                Thêm tiêu chí
              </Button>
            )}
          </Space>
          {criteria[tree].length === 0 ? (
            <Empty description="Chưa có tiêu chí" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            criteria[tree].map((node, index) => (
              <CriterionRow
                key={node.id}
                tree={tree}
                node={node}
                siblings={criteria[tree]}
                index={index}
                parentId={null}
                depth={0}
                onEdit={onEdit}
                onReword={(which, chosen) => setEditing({ kind: 'reword', tree: which, node: chosen })}
                isSaving={isSaving}
              />
            ))
          )}
        </section>
      ))}
      {editing && (
        <CriterionModal
          title={
            editing.kind === 'add'
              ? `Thêm tiêu chí (${treeLabels[editing.tree].toLowerCase()})`
              : 'Sửa tiêu chí'
          }
          initial={
            editing.kind === 'reword' ? { text: editing.node.text, points: editing.node.points } : undefined
          }
          isSaving={isSaving}
          onSave={(values) => void save(values).catch(() => undefined)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
