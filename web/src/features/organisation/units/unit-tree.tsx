import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import { type Key, useEffect, useState } from 'react';
import type { UnitListItem } from '../../../../../contracts/organisation.ts';
import { LoadFailedResult } from '../../../components/index.ts';
import { describeError } from '../../../lib/notify.ts';
import styles from '../shared/organisation.module.css';
import { UnitLabel } from './unit-label.tsx';
import { fetchUnitChildren, useUnitRoots } from './units.api.ts';

/** One level loaded so far: its units and the cursor of the rest (null when all are shown). */
interface Level {
  units: UnitListItem[];
  next: string | null;
}

function toNodes(
  units: UnitListItem[],
  levels: Record<string, Level>,
  loadMore: (id: string) => void,
): TreeDataNode[] {
  return units.map((unit) => {
    const level = levels[unit.id];
    const children = level ? toNodes(level.units, levels, loadMore) : undefined;
    if (level?.next)
      children?.push({
        key: `more:${unit.id}`,
        isLeaf: true,
        title: (
          <Button type="link" size="small" onClick={() => loadMore(unit.id)}>
            Xem thêm đơn vị trực thuộc…
          </Button>
        ),
      });
    return { key: unit.id, title: <UnitLabel unit={unit} />, isLeaf: unit.childCount === 0, children };
  });
}

/**
 * The unit tree, loaded one level at a time as the user opens a unit. A single top unit opens by itself
 * so the first level is visible at once.
 */
export function UnitTree() {
  const queryClient = useQueryClient();
  const roots = useUnitRoots();
  const [levels, setLevels] = useState<Record<string, Level>>({});
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
    if (levels[id] || id.startsWith('more:')) return;
    const page = await fetchUnitChildren(queryClient, id);
    setLevels((current) => ({ ...current, [id]: { units: page.items, next: page.next } }));
  };
  /** The next 200 units of a level, appended below those shown. */
  const loadMore = async (id: string) => {
    const level = levels[id];
    if (!level?.next) return;
    const page = await fetchUnitChildren(queryClient, id, level.next);
    setLevels((current) => ({
      ...current,
      [id]: { units: [...level.units, ...page.items], next: page.next },
    }));
  };

  return (
    <Tree
      className={styles.tree}
      treeData={toNodes(roots.data.items, levels, (id) => void loadMore(id))}
      loadData={loadData}
      expandedKeys={expandedKeys}
      onExpand={setExpandedKeys}
      selectable={false}
      showLine
      blockNode
    />
  );
}
