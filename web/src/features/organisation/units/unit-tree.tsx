import { useQueryClient } from '@tanstack/react-query';
import { Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import { type Key, useEffect, useState } from 'react';
import type { UnitListItem } from '../../../../../contracts/organisation.ts';
import { LoadFailedResult } from '../../../components/index.ts';
import { describeError } from '../../../lib/notify.ts';
import styles from '../shared/organisation.module.css';
import { UnitLabel } from './unit-label.tsx';
import { fetchUnitChildren, useUnitRoots } from './units.api.ts';

function toNodes(units: UnitListItem[], childrenById: Record<string, UnitListItem[]>): TreeDataNode[] {
  return units.map((unit) => {
    const children = childrenById[unit.id];
    return {
      key: unit.id,
      title: <UnitLabel unit={unit} />,
      isLeaf: unit.childCount === 0,
      children: children ? toNodes(children, childrenById) : undefined,
    };
  });
}

/**
 * The unit tree, loaded one level at a time as the user opens a unit. A single top unit opens by itself
 * so the first level is visible at once.
 */
export function UnitTree() {
  const queryClient = useQueryClient();
  const roots = useUnitRoots();
  const [childrenById, setChildrenById] = useState<Record<string, UnitListItem[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);

  const rootItems = roots.data?.items;
  useEffect(() => {
    const only = rootItems?.length === 1 ? rootItems[0] : undefined;
    if (only && only.childCount > 0) setExpandedKeys((keys) => (keys.length ? keys : [only.id]));
  }, [rootItems]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (roots.isError)
    return <LoadFailedResult message={describeError(roots.error)} onRetry={() => void roots.refetch()} />;
  if (!roots.data.items.length)
    return <Empty description="Tài khoản chưa được phân quyền trên đơn vị nào." />;

  const loadData = async (node: TreeDataNode) => {
    const id = String(node.key);
    if (childrenById[id]) return;
    const page = await fetchUnitChildren(queryClient, id);
    setChildrenById((current) => ({ ...current, [id]: page.items }));
  };

  return (
    <Tree
      className={styles.tree}
      treeData={toNodes(roots.data.items, childrenById)}
      loadData={loadData}
      expandedKeys={expandedKeys}
      onExpand={setExpandedKeys}
      selectable={false}
      showLine
      blockNode
    />
  );
}
