import { Timeline, Typography } from 'antd';
import { type Figures, type ScoreEvent, scoreStageLabels } from '../../../../contracts/bloc-scoring.ts';
import { formatDateTime } from '../../lib/format.ts';
import { formatPoints } from './labels.ts';

/** Figures in words: the actual figure, met or not, the counts. */
export function figuresText(figures: Figures | null | undefined): string {
  if (!figures) return '';
  const parts: string[] = [];
  if (figures.actual !== null && figures.actual !== undefined)
    parts.push(`kết quả ${formatPoints(figures.actual)}`);
  if (figures.met !== null && figures.met !== undefined) parts.push(figures.met ? 'đạt' : 'không đạt');
  if (figures.count !== null && figures.count !== undefined) parts.push(`${figures.count} trường hợp`);
  if (figures.bonusCount) parts.push(`${figures.bonusCount} trường hợp cộng điểm`);
  if (figures.penaltyCount) parts.push(`${figures.penaltyCount} vi phạm trừ điểm`);
  return parts.join(', ');
}

/** The history of one criterion's score: self, review 1, explanation, review 2, final — who, when, why. */
export function ScoreHistory({ events, more = false }: { events: ScoreEvent[]; more?: boolean }) {
  if (!events.length) return <Typography.Text type="secondary">Chưa có lần chấm nào.</Typography.Text>;
  return (
    <>
      {more && (
        <Typography.Paragraph type="secondary">
          Chỉ hiện {events.length} lần chấm gần nhất; các lần trước vẫn được lưu trong nhật ký.
        </Typography.Paragraph>
      )}
      <Timeline
        items={events.map((event, index) => ({
          key: index,
          color: event.stage === 'explanation' ? 'gray' : event.stage === 'self' ? 'blue' : 'green',
          children: (
            <div>
              <Typography.Text strong>{scoreStageLabels[event.stage]}</Typography.Text>
              {event.score !== null && <> — {formatPoints(event.score)} điểm</>}
              {event.figures && <> ({figuresText(event.figures)})</>}
              <div>
                <Typography.Text type="secondary">
                  {event.actorName ?? 'Không rõ người nhập'}, {formatDateTime(event.at)}
                </Typography.Text>
              </div>
              {event.note && <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div>}
            </div>
          ),
        }))}
      />
    </>
  );
}
