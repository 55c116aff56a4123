import { Typography } from 'antd';
import { Link } from 'react-router';
import type { UnitListItem } from '../../../../../contracts/organisation.ts';
import styles from '../shared/organisation.module.css';
import { useUnit } from './units.api.ts';

/** The path of a unit's page. */
export const unitPath = (id: string) => `/to-chuc/don-vi/${id}`;

/** "(đã giải thể / sáp nhập) → Kế thừa: …" for a unit whose validity ended; successors load on demand. */
export function EndedNote({ unitId }: { unitId: string }) {
  const detail = useUnit(unitId);
  const successors = detail.data?.successors ?? [];
  return (
    <span className={styles.endedNote}>
      (đã giải thể / sáp nhập)
      {successors.length > 0 && (
        <>
          {' → Kế thừa: '}
          {successors.map((successor, index) => (
            <span key={successor.id}>
              {index > 0 && ', '}
              <Link to={unitPath(successor.id)}>{successor.name}</Link>
            </span>
          ))}
        </>
      )}
    </span>
  );
}

/** A unit's name as a link to its page, with its code; ended units greyed with their successor. */
export function UnitLabel({ unit, showCode = true }: { unit: UnitListItem; showCode?: boolean }) {
  return (
    <span className={styles.wrap}>
      <Link to={unitPath(unit.id)} className={unit.isActive ? undefined : styles.ended}>
        {unit.name}
      </Link>
      {showCode && <span className={styles.code}>{unit.code}</span>}
      {!unit.isActive && <EndedNote unitId={unit.id} />}
    </span>
  );
}

/** "Đang hoạt động" or "Đã kết thúc" as plain text for tables. */
export function UnitStatus({ unit }: { unit: Pick<UnitListItem, 'isActive'> }) {
  return unit.isActive ? (
    <Typography.Text type="success">Đang hoạt động</Typography.Text>
  ) : (
    <Typography.Text type="secondary">Đã kết thúc</Typography.Text>
  );
}
