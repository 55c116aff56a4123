import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { type UnitDetail, unitKindLabels } from '../../../../../contracts/organisation.ts';
import { formatDate } from '../../../lib/format.ts';
import { EndedNote, UnitStatus, unitPath } from './unit-label.tsx';

/** Validity as officials read it: "từ 01/01/2020 đến 30/06/2025", or "không thời hạn". */
export function describeValidity(unit: Pick<UnitDetail, 'validFrom' | 'validTo'>): string {
  if (!unit.validFrom && !unit.validTo) return 'Không giới hạn';
  const from = unit.validFrom ? `Từ ${formatDate(unit.validFrom)}` : '';
  const to = unit.validTo ? `đến ${formatDate(unit.validTo)}` : 'đến nay';
  return [from, to].filter(Boolean).join(' ');
}

/** The unit's own fields: names, code, kind, collegial signature, validity and where it belongs. */
export function UnitDetails({ unit }: { unit: UnitDetail }) {
  const parent = unit.ancestors.at(-1);
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: 'Tên đơn vị', children: unit.name, span: { xs: 1, md: 2 } },
        { key: 'short', label: 'Tên viết tắt', children: unit.shortName ?? '—' },
        { key: 'code', label: 'Mã đơn vị', children: unit.code },
        { key: 'kind', label: 'Loại đơn vị', children: unitKindLabels[unit.kind] },
        {
          key: 'collegial',
          label: 'Ký văn bản',
          children: unit.isCollegial ? (
            <span>
              <Tag color="blue">TM.</Tag> Tập thể lãnh đạo (ký thay mặt)
            </span>
          ) : (
            'Thủ trưởng ký'
          ),
        },
        {
          key: 'parent',
          label: 'Đơn vị cấp trên',
          children: parent ? <Link to={unitPath(parent.id)}>{parent.name}</Link> : 'Đơn vị cấp cao nhất',
        },
        { key: 'validity', label: 'Hiệu lực', children: describeValidity(unit) },
        {
          key: 'status',
          label: 'Tình trạng',
          children: (
            <>
              <UnitStatus unit={unit} />
              {!unit.isActive && <EndedNote unitId={unit.id} />}
            </>
          ),
        },
        { key: 'children', label: 'Số đơn vị trực thuộc', children: unit.childCount },
      ]}
    />
  );
}
