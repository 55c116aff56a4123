import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Empty, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type {
  CriteriaEdit,
  CriteriaTrees,
  CriterionNode,
  MovementDetail,
} from '../../../../../contracts/movements.ts';
import { CriterionModal, type CriterionValues } from './criterion-modal.tsx';
import styles from './plan.module.css';
import { treeLabels } from './plan-labels.ts';

type Tree = keyof CriteriaTrees;
type Editing = { kind: 'add'; tree: Tree } | { kind: 'reword'; tree: Tree; node: CriterionNode };

interface CriteriaTreeProps {
  criteria: CriteriaTrees;
  /** The movement's version the shown tree belongs to: every edit is made at it. */
  version?: number;
  /**
   * Given to managers of a current plan; absent for older versions and other users (read-only).
   * `fromForm` tells an edit typed in the dialog (which shows a conflict itself) from a button.
   */
  onEdit?: (edit: CriteriaEdit, fromForm: boolean) => Promise<unknown>;
  /** Shows the movement a version conflict carries, when the user reloads from the dialog. */
  onReload?: (current: unknown) => void;
  isSaving?: boolean;
}

/** The node with the id in a tree, at any depth. */
function findNode(nodes: CriterionNode[], id: string): CriterionNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = findNode(node.children, id);
    if (inner) return inner;
  }
  return null;
}

interface NodeProps {
  tree: Tree;
  node: CriterionNode;
  siblings: CriterionNode[];
  index: number;
  parentId: string | null;
  depth: number;
  version: number;
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
  version,
  onEdit,
  onReword,
  isSaving,
}: NodeProps) {
  const change = (edit: CriteriaEdit) => void onEdit?.(edit, false).catch(() => undefined);
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
                onClick={() => change({ version, op: 'move', tree, id: node.id, parentId, index: index - 1 })}
              />
            </Tooltip>
            <Tooltip title="Chuyển xuống">
              <Button
                icon={<ArrowDownOutlined aria-hidden />}
                aria-label="Chuyển xuống"
                disabled={index === siblings.length - 1 || isSaving}
                onClick={() => change({ version, op: 'move', tree, id: node.id, parentId, index: index + 1 })}
              />
            </Tooltip>
            <Popconfirm
              title="Xóa tiêu chí này?"
              description="Có thể xem lại ở phiên bản cũ của kế hoạch."
              okText="Xóa"
              cancelText="Không"
              onConfirm={() => change({ version, op: 'delete', tree, id: node.id })}
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
          version={version}
          onEdit={onEdit}
          onReword={onReword}
          isSaving={isSaving}
        />
      ))}
    </>
  );
}

/** The criteria for collectives and for individuals; managers add, reword, move, delete and score. */
export function CriteriaTree({
  criteria,
  version = 1,
  onEdit,
  onReload,
  isSaving = false,
}: CriteriaTreeProps) {
  const [editing, setEditing] = useState<Editing | null>(null);

  const save = async (values: CriterionValues, atVersion: number) => {
    if (!editing || !onEdit) return;
    if (editing.kind === 'add') {
      await onEdit(
        {
          version: atVersion,
          op: 'add',
          tree: editing.tree,
          parentId: null,
          text: values.text,
          points: values.points,
        },
        true,
      );
    } else {
      await onEdit(
        {
          version: atVersion,
          op: 'reword',
          tree: editing.tree,
          id: editing.node.id,
          text: values.text,
          points: values.points,
        },
        true,
      );
    }
  };

  /** The criterion being reworded as the fresh movement has it (nothing to compare for a new one). */
  const freshValues = (current: unknown): CriterionValues | null => {
    if (editing?.kind !== 'reword') return null;
    const fresh = (current as Partial<MovementDetail> | undefined)?.plan?.criteria[editing.tree];
    const node = fresh ? findNode(fresh, editing.node.id) : null;
    return node ? { text: node.text, points: node.points } : null;
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
                version={version}
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
          version={version}
          isSaving={isSaving}
          onSave={save}
          freshValues={freshValues}
          onReload={(current) => onReload?.(current)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
