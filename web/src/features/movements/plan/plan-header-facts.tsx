import { Descriptions, Typography } from 'antd';
import { documentTypeInfo } from '../../../../../contracts/documents.ts';
import type { PlanContent } from '../../../../../contracts/movements.ts';
import { formatDate } from '../../../lib/format.ts';
import { formatPeriod } from '../shared/officer-units.ts';

// Dates and periods read as one piece; never split "30/09/2019" over two lines.
const noWrap = { whiteSpace: 'nowrap' } as const;

/** The period and where the document states it ("dòng 20: giai đoạn 2019-2025"). */
function PeriodFact({ plan }: { plan: PlanContent }) {
  const { movement } = plan.document;
  if (movement.periodFrom === null) return <>Văn bản không nêu giai đoạn</>;
  return (
    <>
      <span style={noWrap}>
        {formatPeriod(movement.periodFrom, movement.periodTo ?? movement.periodFrom)}
      </span>
      {movement.periodSource && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          Đọc ở dòng {movement.periodSource.line}: “{movement.periodSource.text}”
        </Typography.Text>
      )}
    </>
  );
}

/**
 * The header of a plan: kind, issuer and its authority, number, place and date of issue (two fields,
 * as NĐ 30/2020 writes them in one cell), title, movement and period, legal bases.
 */
export function PlanHeaderFacts({ plan }: { plan: PlanContent }) {
  const { document } = plan;
  const issuer = [document.issuer.parent, document.issuer.name].filter(Boolean).join(' – ');
  const kind = document.type ? documentTypeInfo[document.type].name : document.kind;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 170, fontWeight: 500 } }}
      items={[
        { key: 'kind', label: 'Loại văn bản', children: kind ?? '—' },
        { key: 'issuer', label: 'Cơ quan ban hành', children: issuer || '—' },
        ...(document.authority
          ? [{ key: 'authority', label: 'Thẩm quyền ban hành', children: document.authority }]
          : []),
        { key: 'number', label: 'Số, ký hiệu', children: document.number ?? '—' },
        { key: 'place', label: 'Nơi ban hành', children: document.place ?? '—' },
        {
          key: 'date',
          label: 'Ngày ban hành',
          children: document.date ? <span style={noWrap}>{formatDate(document.date)}</span> : '—',
        },
        {
          key: 'signer',
          label: 'Người ký',
          children: document.signature.name ? (
            <>
              {[...document.signature.authority, document.signature.title].filter(Boolean).join(' – ')}
              {(document.signature.authority.length > 0 || document.signature.title) && <br />}
              <strong>{document.signature.name}</strong>
            </>
          ) : (
            '—'
          ),
        },
        { key: 'title', label: 'Trích yếu', children: document.title ?? '—' },
        { key: 'movement', label: 'Tên phong trào', children: document.movement.name ?? '—' },
        { key: 'period', label: 'Giai đoạn', children: <PeriodFact plan={plan} /> },
        {
          key: 'legal',
          label: 'Căn cứ',
          children: document.legalBasis.length ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {document.legalBasis.map((basis) => (
                <li key={basis.text}>{basis.text}</li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}
