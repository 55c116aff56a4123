import { Alert, Button, Select, Typography } from 'antd';
import type { WithoutVersion } from '../../../../../contracts/common.ts';
import type { MovementDetail, PlaceLineBody } from '../../../../../contracts/movements.ts';
import { usePlaceLine } from '../movements.api.ts';
import styles from './review.module.css';

type Target = Extract<PlaceLineBody, { action: 'place' }>['target'];

const fieldOptions: { value: string; label: string }[] = [
  { value: 'title', label: 'Trích yếu (tên văn bản)' },
  { value: 'legal_basis', label: 'Căn cứ' },
  { value: 'purpose', label: 'Mục đích' },
  { value: 'requirement', label: 'Yêu cầu' },
  { value: 'funding', label: 'Kinh phí' },
];

/** "title", or "section:2" for the third top-level section, into the body the server expects. */
function toBody(choice: string): WithoutVersion<PlaceLineBody> {
  if (choice.startsWith('section:')) {
    return { action: 'place', target: 'section', sectionIndex: Number(choice.slice('section:'.length)) };
  }
  return { action: 'place', target: choice as Target };
}

/**
 * The lines the reader could not place: each goes into a field or section ("Đưa vào mục…") or is
 * dropped ("Bỏ qua"); the draft is saved on the server at every choice, at the version shown (a
 * stale choice is refused and the fresh draft shown). `onSaved` tells the page the version moved.
 */
export function UnclassifiedLines({
  movement,
  onSaved,
}: {
  movement: MovementDetail;
  onSaved?: (from: number, to: number) => void;
}) {
  const place = usePlaceLine(movement.id);
  const choose = (line: number, body: WithoutVersion<PlaceLineBody>) =>
    place.mutate(
      { line, body: { ...body, version: movement.version } as PlaceLineBody },
      { onSuccess: (saved) => onSaved?.(movement.version, saved.version) },
    );
  const sections = movement.plan.document.sections.map((section, index) => ({
    value: `section:${index}`,
    label: `Mục ${section.label ?? ''} ${section.text}`.replace(/\s+/g, ' ').slice(0, 80),
  }));
  const lines = movement.unclassified;

  if (lines.length === 0) {
    return <Alert type="success" showIcon title="Mọi dòng của văn bản đã được xếp vào đúng phần." />;
  }
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={`Còn ${lines.length} dòng chưa xếp được (tô vàng bên văn bản gốc).`}
        description="Chọn phần cần đưa dòng vào, hoặc bấm “Bỏ qua” nếu đó là chữ thừa (dấu, số trang…)."
        style={{ marginBottom: 8 }}
      />
      {lines.map((line) => (
        <div key={line.line} className={styles.lineRow} data-testid="unclassified-line">
          <Typography.Text type="secondary">Dòng {line.line}</Typography.Text>
          <span className={styles.lineText}>
            <a href={`#dong-${line.line}`}>“{line.text}”</a>
          </span>
          <Select
            aria-label={`Đưa dòng ${line.line} vào mục`}
            placeholder="Đưa vào mục…"
            style={{ minWidth: 220 }}
            disabled={place.isPending}
            value={null}
            onChange={(choice: string) => choose(line.line, toBody(choice))}
            options={[
              { label: 'Trường của văn bản', options: fieldOptions },
              { label: 'Mục của nội dung', options: sections },
            ]}
          />
          <Button disabled={place.isPending} onClick={() => choose(line.line, { action: 'drop' })}>
            Bỏ qua
          </Button>
        </div>
      ))}
    </>
  );
}
