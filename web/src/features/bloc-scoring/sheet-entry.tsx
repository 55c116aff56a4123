import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Flex, Input, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import {
  criterionKindLabels,
  type Figures,
  type ScoringSheetView,
  ScoringSheetView as SheetSchema,
} from '../../../../contracts/bloc-scoring.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { uploadScoringEvidence, useRefreshScoring } from './bloc-scoring.api.ts';
import { ruleText } from './criteria-view.tsx';
import { FigureInputs } from './figure-inputs.tsx';
import { formatPoints } from './labels.ts';
import { ScoreHistory } from './score-history.tsx';

type Row = ScoringSheetView['rows'][number];
/** What the user does with a criterion at the sheet's step. */
export type EntryMode = 'self' | 'review' | 'explain' | 'read';

const noteLabels: Record<EntryMode, string> = {
  self: 'Ghi chú (không bắt buộc)',
  review: 'Lý do điều chỉnh (bắt buộc khi đổi số liệu)',
  explain: 'Nội dung giải trình',
  read: '',
};
const saveLabels: Record<EntryMode, string> = {
  self: 'Lưu điểm tự chấm',
  review: 'Lưu điểm chấm',
  explain: 'Gửi giải trình tiêu chí',
  read: '',
};

/**
 * One leaf of a sheet: the figures (the unit's or the head's, by step), the points in force computed
 * by the server on each save and, while figures are typed, the points they will give (the page
 * computes them with the server's math), the explanation, evidence files and the history. A stale save keeps
 * what was typed and shows who changed the criterion; the next save goes onto the fresh version.
 */
export function SheetEntry({
  sheet,
  row,
  mode,
  onSaved,
  onDirty,
  onTyped,
  preview,
}: {
  sheet: ScoringSheetView;
  row: Row;
  mode: EntryMode;
  onSaved: (sheet: ScoringSheetView) => void;
  /** Tells the sheet whether this criterion holds typed figures or text not saved yet. */
  onDirty: (code: string, dirty: boolean) => void;
  /** Tells the sheet the figures typed and not saved yet (null when none), for the live preview. */
  onTyped: (criterionId: string, figures: Figures | null) => void;
  /** The points the typed figures give, computed live; null when nothing is typed. */
  preview: number | null;
}) {
  const { data: session } = useSession();
  const refresh = useRefreshScoring();
  const { criterion } = row;
  const [figures, setFigures] = useState<Figures>(row.figures ?? {});
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const canEvidence = mode === 'self' || mode === 'explain';
  const editsFigures = mode === 'self' || mode === 'review';
  const typed = editsFigures && JSON.stringify(figures) !== JSON.stringify(row.figures ?? {});
  const dirty = note.trim() !== '' || typed;
  useEffect(() => onDirty(criterion.code, mode !== 'read' && dirty), [onDirty, criterion.code, mode, dirty]);
  useEffect(() => onTyped(criterion.id, typed ? figures : null), [onTyped, criterion.id, typed, figures]);
  const exceedsUnknown =
    preview !== null &&
    criterion.kind === 'quantitative' &&
    row.othersBestRatio === null &&
    row.target !== null &&
    (figures.actual ?? 0) > row.target;
  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.put(
        `/api/scoring-sheets/${sheet.id}/entries/${criterion.id}`,
        { figures: mode === 'explain' ? null : figures, note, version: row.entryVersion },
        { schema: SheetSchema },
      );
      setConflict(null);
      setNote('');
      setFigures(saved.rows.find((item) => item.criterion.id === criterion.id)?.figures ?? figures);
      showSuccess(`Đã lưu tiêu chí ${criterion.code}.`);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT', 'CONFLICT')) {
        setConflict(error.message);
        await refresh();
      } else showError(error);
    } finally {
      setSaving(false);
    }
  };
  const attach = (file: File) => {
    uploadScoringEvidence(sheet, criterion.id, file, session?.csrfToken ?? null)
      .then((saved) => {
        showSuccess(`Đã đính kèm minh chứng cho tiêu chí ${criterion.code}.`);
        onSaved(saved);
      })
      .catch((error) => {
        showError(error);
        if (isApiError(error, 'VERSION_CONFLICT', 'CONFLICT')) void refresh();
      });
    return false;
  };
  const rule = ruleText(criterion);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {criterion.code}. {criterion.title}
        </span>
      }
      extra={
        preview === null ? (
          <Typography.Text strong aria-label={`Điểm tiêu chí ${criterion.code}`}>
            {formatPoints(row.score)} / {formatPoints(criterion.maxPoints)} điểm
          </Typography.Text>
        ) : (
          <Typography.Text strong type="warning" aria-label={`Điểm tạm tính tiêu chí ${criterion.code}`}>
            Tạm tính {formatPoints(preview)} / {formatPoints(criterion.maxPoints)} điểm (chưa lưu)
          </Typography.Text>
        )
      }
    >
      <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
        <Tag>{criterionKindLabels[criterion.kind]}</Tag>
        {rule && <Tag>{rule}</Tag>}
        {row.target !== null && <Tag color="blue">Chỉ tiêu giao: {formatPoints(row.target)}</Tag>}
        {criterion.evidenceRequired && <Tag color="orange">Cần minh chứng</Tag>}
        {row.selfScore !== null && <Tag>Đơn vị tự chấm: {formatPoints(row.selfScore)} điểm</Tag>}
      </Space>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={conflict}
          description="Số liệu bạn đã nhập vẫn còn; xem lịch sử bên dưới rồi bấm lưu lần nữa để lưu lên bản mới."
        />
      )}
      <Flex vertical gap={12}>
        <FigureInputs
          kind={criterion.kind}
          value={mode === 'self' || mode === 'review' ? figures : (row.figures ?? {})}
          onChange={setFigures}
          disabled={mode !== 'self' && mode !== 'review'}
        />
        {preview !== null && (
          <Typography.Text type="secondary" role="status">
            Điểm đang lưu: {formatPoints(row.score)} điểm. Với số liệu vừa nhập: {formatPoints(preview)} điểm
            {exceedsUnknown
              ? ' (tính như đơn vị dẫn đầu khối; khi lưu, điểm vượt chỉ tiêu được so với đơn vị có tỷ lệ hoàn thành cao nhất).'
              : '.'}{' '}
            Bấm lưu để ghi nhận.
          </Typography.Text>
        )}
        {row.explanation && <Alert type="info" title="Giải trình của đơn vị" description={row.explanation} />}
        {mode !== 'read' && (
          <Input.TextArea
            aria-label={noteLabels[mode]}
            placeholder={noteLabels[mode]}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
        <Flex gap={8} wrap align="center">
          {mode !== 'read' && (
            <Button type="primary" size="large" loading={saving} onClick={save}>
              {saveLabels[mode]}
            </Button>
          )}
          {canEvidence && (
            <Upload showUploadList={false} beforeUpload={attach} accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png">
              <Button size="large" icon={<UploadOutlined aria-hidden />} disabled={!row.entryId}>
                Đính kèm minh chứng
              </Button>
            </Upload>
          )}
          {row.evidence.map((file) => (
            <Button
              key={file.id}
              type="link"
              icon={<PaperClipOutlined aria-hidden />}
              onClick={() =>
                downloadFile(`/api/scoring-evidence/${file.id}`, {}, file.fileName).catch(showError)
              }
            >
              {file.fileName}
            </Button>
          ))}
        </Flex>
        {canEvidence && !row.entryId && (
          <Typography.Text type="secondary">Lưu số liệu trước rồi mới đính kèm minh chứng.</Typography.Text>
        )}
        <Collapse
          size="small"
          items={[
            {
              key: 'history',
              label: `Lịch sử chấm điểm (${row.events.length})`,
              children: <ScoreHistory events={row.events} more={row.moreEvents} />,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
