import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Figures,
  type ScoringSheetView,
  type SheetAction,
  ScoringSheetView as SheetSchema,
  sheetStatusLabels,
} from '../../../../contracts/bloc-scoring.ts';
import { previewSheet } from '../../../../contracts/bloc-scoring-math.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { scoringKeys, useRefreshScoring, useSheet } from './bloc-scoring.api.ts';
import { formatPoints } from './labels.ts';
import { ReportFiguresButton } from './report-figures-button.tsx';
import { type EntryMode, SheetEntry } from './sheet-entry.tsx';
import { sheetStatusColors } from './sheets-panel.tsx';

/** The step buttons: what moving the sheet on means, asked before it is done. */
const steps: Partial<Record<SheetAction, { label: string; confirm: string; done: string }>> = {
  submit: {
    label: 'Gửi kết quả tự chấm',
    confirm: 'Sau khi gửi, đơn vị không sửa được điểm tự chấm; khối trưởng sẽ chấm lần 1.',
    done: 'Đã gửi kết quả tự chấm cho khối trưởng.',
  },
  finish_review: {
    label: 'Hoàn thành chấm lần 1',
    confirm: 'Đơn vị sẽ xem điểm chấm lần 1 và có thể giải trình.',
    done: 'Đã chuyển điểm chấm lần 1 cho đơn vị.',
  },
  finish_explanation: {
    label: 'Gửi giải trình',
    confirm: 'Sau khi gửi, khối trưởng sẽ chấm lần 2; đơn vị không giải trình thêm được.',
    done: 'Đã gửi giải trình cho khối trưởng.',
  },
  finalize: {
    label: 'Chốt điểm',
    confirm: 'Điểm chấm lần 2 trở thành điểm chính thức của đơn vị và không sửa được nữa.',
    done: 'Đã chốt điểm của đơn vị.',
  },
};

function modeOf(actions: SheetAction[]): EntryMode {
  if (actions.includes('self_assess')) return 'self';
  if (actions.includes('review')) return 'review';
  if (actions.includes('explain')) return 'explain';
  return 'read';
}

/** One member unit's score sheet: every criterion, its figures, points, evidence and history, and the step buttons. */
export function SheetPage() {
  const { sheetId = '' } = useParams();
  const sheet = useSheet(sheetId);
  const client = useQueryClient();
  const refresh = useRefreshScoring();
  const { modal } = App.useApp();
  const [unsaved, setUnsaved] = useState<string[]>([]);
  const onDirty = useCallback(
    (code: string, dirty: boolean) =>
      setUnsaved((current) =>
        dirty === current.includes(code)
          ? current
          : dirty
            ? [...current, code]
            : current.filter((item) => item !== code),
      ),
    [],
  );
  const [typed, setTyped] = useState<Record<string, Figures>>({});
  const onTyped = useCallback(
    (criterionId: string, figures: Figures | null) =>
      setTyped((current) => {
        if (figures === null) {
          if (!(criterionId in current)) return current;
          const { [criterionId]: _, ...rest } = current;
          return rest;
        }
        return current[criterionId] === figures ? current : { ...current, [criterionId]: figures };
      }),
    [],
  );
  const preview = useMemo(
    () => (sheet.data && Object.keys(typed).length ? previewSheet(sheet.data.rows, (id) => typed[id]) : null),
    [sheet.data, typed],
  );
  if (sheet.isError)
    return <LoadFailedResult message={describeError(sheet.error)} onRetry={() => sheet.refetch()} />;
  const data = sheet.data;
  if (!data) return <Card loading />;
  const mode = modeOf(data.actions);
  const onSaved = (saved: ScoringSheetView) => {
    client.setQueryData(scoringKeys.sheet(saved.id), saved);
    void refresh();
  };
  const advance = (action: SheetAction) => {
    const step = steps[action];
    if (!step) return;
    if (unsaved.length) {
      modal.warning({
        title: 'Còn tiêu chí chưa lưu',
        content: `Các tiêu chí ${unsaved.join(', ')} có số liệu hoặc nội dung chưa lưu. Bấm nút lưu của từng tiêu chí trước, rồi mới ${step.label.toLowerCase()}.`,
        okText: 'Đã hiểu',
      });
      return;
    }
    modal.confirm({
      title: `${step.label}?`,
      content: step.confirm,
      okText: step.label,
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const saved = await api.post(
            `/api/scoring-sheets/${data.id}/advance`,
            { version: data.version },
            { schema: SheetSchema },
          );
          showSuccess(step.done);
          onSaved(saved);
        } catch (error) {
          showError(error);
          await refresh();
        }
      },
    });
  };
  const stepActions = data.actions.filter((action) => steps[action]);
  return (
    <>
      <PageHeader
        title={`Bảng điểm: ${data.unitName}`}
        description={<Tag color={sheetStatusColors[data.status]}>{sheetStatusLabels[data.status]}</Tag>}
        extra={
          <Space wrap>
            {data.actions.includes('self_assess') && <ReportFiguresButton sheet={data} onSaved={onSaved} />}
            {stepActions.map((action) => (
              <Button key={action} type="primary" size="large" onClick={() => advance(action)}>
                {steps[action]?.label}
              </Button>
            ))}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'table',
              label: 'Bảng tiêu chí',
              children: <Link to={`/khoi-cum/bang/${data.tableId}`}>{data.tableName}</Link>,
            },
            { key: 'bloc', label: 'Khối, cụm', children: data.blocName },
            { key: 'year', label: 'Năm', children: data.year },
            {
              key: 'total',
              label: 'Tổng điểm',
              children: (
                <Space wrap>
                  <Typography.Text strong>{formatPoints(data.total)} điểm</Typography.Text>
                  {preview && (
                    <Typography.Text strong type="warning" aria-label="Tổng điểm tạm tính">
                      Tạm tính với số liệu chưa lưu: {formatPoints(preview.total)} điểm
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {mode === 'read' && data.status !== 'final' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn đang xem bảng điểm; bước hiện tại do đơn vị hoặc khối trưởng thực hiện."
        />
      )}
      {data.rows.map((row) =>
        row.criterion.kind === 'group' ? (
          <Typography.Title key={row.criterion.id} level={2} style={{ fontSize: 18, margin: '20px 0 12px' }}>
            {row.criterion.code}. {row.criterion.title} —{' '}
            {formatPoints(preview?.points.get(row.criterion.id) ?? row.score)} /{' '}
            {formatPoints(row.criterion.maxPoints)} điểm
            {preview && preview.points.get(row.criterion.id) !== row.score && ' (tạm tính)'}
          </Typography.Title>
        ) : (
          <SheetEntry
            key={`${row.criterion.id}-${mode}`}
            sheet={data}
            row={row}
            mode={mode}
            onSaved={onSaved}
            onDirty={onDirty}
            onTyped={onTyped}
            preview={typed[row.criterion.id] ? (preview?.points.get(row.criterion.id) ?? null) : null}
          />
        ),
      )}
    </>
  );
}
