import { PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reportStatusLabels } from '../../../../contracts/reports.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError } from '../../lib/notify.ts';
import { ReportActions } from './report-actions.tsx';
import { useReport, useReportSources } from './reports.api.ts';
import { type SaveState, useAutosave } from './use-autosave.ts';

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'Đã lưu',
  pending: 'Đang chờ lưu…',
  saving: 'Đang lưu…',
  conflict: 'Chưa lưu được',
  error: 'Chưa lưu được',
};

/** A unit's report: sections and figures saved as the user types, the moves, the breakdown per child. */
export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  const data = report.data;
  const autosave = useAutosave(data);
  const [breakdown, setBreakdown] = useState(false);
  const sources = useReportSources(id, breakdown);
  if (report.isError)
    return <LoadFailedResult message={describeError(report.error)} onRetry={() => void report.refetch()} />;
  if (!data || !autosave.content) return <Card loading />;
  const editable = data.actions.includes('edit') && autosave.state !== 'conflict';
  const { content } = autosave;
  return (
    <>
      <PageHeader
        title={`Báo cáo của ${data.unit.name}`}
        description={<Link to={`/bao-cao/yeu-cau/${data.requestId}`}>{data.requestTitle}</Link>}
        extra={<ReportActions report={data} beforeMove={autosave.flush} afterMove={autosave.follow} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'status', label: 'Trạng thái', children: <Tag>{reportStatusLabels[data.status]}</Tag> },
            { key: 'due', label: 'Hạn gửi', children: formatDate(data.dueOn) },
            { key: 'sent', label: 'Gửi lúc', children: formatDateTime(data.submittedAt) || '—' },
            {
              key: 'save',
              label: 'Lưu tự động',
              children: <span aria-live="polite">{editable ? SAVE_LABELS[autosave.state] : '—'}</span>,
            },
          ]}
        />
        {data.returnReason && (
          <Alert
            type="warning"
            showIcon
            message={`Báo cáo bị trả lại: ${data.returnReason}`}
            style={{ marginTop: 12 }}
          />
        )}
        {autosave.restored && (
          <Alert
            type="info"
            showIcon
            message="Đã khôi phục nội dung chưa lưu từ lần mở trước trên máy này."
            style={{ marginTop: 12 }}
          />
        )}
        {autosave.message && (
          <Alert
            type="error"
            showIcon
            message={autosave.message}
            style={{ marginTop: 12 }}
            action={
              autosave.state === 'conflict' && (
                <Button size="small" onClick={() => void autosave.reload()}>
                  Tải lại
                </Button>
              )
            }
          />
        )}
      </Card>
      <Card
        title="Số liệu"
        style={{ marginBottom: 16 }}
        extra={
          data.sourceCount > 0 && (
            <Button type="link" onClick={() => setBreakdown(true)}>
              Xem số liệu từng đơn vị ({data.sourceCount})
            </Button>
          )
        }
      >
        <Flex vertical gap={8}>
          {data.indicators.map((indicator) => (
            <Flex key={indicator.code} gap={12} align="center" wrap>
              <label htmlFor={`figure-${indicator.code}`} style={{ flex: '1 1 320px' }}>
                {indicator.label}
              </label>
              <InputNumber
                id={`figure-${indicator.code}`}
                min={0}
                disabled={!editable}
                value={content.figures[indicator.code] ?? null}
                style={{ width: 160 }}
                onChange={(value) => {
                  const figures = { ...content.figures };
                  if (typeof value === 'number') figures[indicator.code] = value;
                  else delete figures[indicator.code];
                  autosave.change({ ...content, figures });
                }}
              />
              <span style={{ width: 80 }}>{indicator.unit}</span>
            </Flex>
          ))}
        </Flex>
      </Card>
      {data.sections.map((section) => (
        <Card key={section.key} title={section.title} style={{ marginBottom: 16 }}>
          {section.hint && <Typography.Paragraph type="secondary">{section.hint}</Typography.Paragraph>}
          <Input.TextArea
            aria-label={section.title}
            autoSize={{ minRows: 4, maxRows: 24 }}
            disabled={!editable}
            value={content.texts[section.key] ?? ''}
            onChange={(event) =>
              autosave.change({ ...content, texts: { ...content.texts, [section.key]: event.target.value } })
            }
          />
        </Card>
      ))}
      {data.files.length > 0 && (
        <Card title="Tệp đính kèm">
          <Flex vertical gap={4} align="flex-start">
            {data.files.map((file) => (
              <Button
                key={file.id}
                type="link"
                icon={<PaperClipOutlined aria-hidden />}
                style={{ padding: 0 }}
                onClick={() =>
                  downloadFile(`/api/reports/${data.id}/files/${file.id}`, {}, file.fileName).catch(showError)
                }
              >
                {file.fileName}
              </Button>
            ))}
          </Flex>
        </Card>
      )}
      <Modal
        open={breakdown}
        title="Số liệu của từng đơn vị"
        footer={null}
        width={900}
        onCancel={() => setBreakdown(false)}
      >
        <Table
          rowKey="reportId"
          size="small"
          loading={sources.isFetching}
          pagination={false}
          dataSource={sources.data?.items ?? []}
          columns={[
            {
              title: 'Đơn vị',
              render: (_, row) => <Link to={`/bao-cao/${row.reportId}`}>{row.unit.name}</Link>,
            },
            ...data.indicators.map((indicator) => ({
              title: indicator.label,
              align: 'right' as const,
              render: (_: unknown, row: { figures: Record<string, number> }) =>
                row.figures[indicator.code] ?? '',
            })),
          ]}
        />
      </Modal>
    </>
  );
}
