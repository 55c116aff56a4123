import { FileSearchOutlined } from '@ant-design/icons';
import { App, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { ScoringSheetView } from '../../../../contracts/bloc-scoring.ts';
import { type ReportFigure, ReportFiguresView } from '../../../../contracts/bloc-scoring-meeting.ts';
import { reportStatusLabels } from '../../../../contracts/reports.ts';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { formatPoints } from './labels.ts';

const columns = [
  { title: 'Tiêu chí', dataIndex: 'criterionCode', key: 'criterion', width: 80 },
  { title: 'Chỉ tiêu', dataIndex: 'indicatorCode', key: 'indicator' },
  {
    title: 'Số liệu',
    key: 'value',
    align: 'right' as const,
    render: (_: unknown, row: ReportFigure) => formatPoints(row.value),
  },
  {
    title: 'Báo cáo',
    key: 'report',
    render: (_: unknown, row: ReportFigure) => `${row.reportTitle} (${reportStatusLabels[row.reportStatus]})`,
  },
  {
    title: 'Sẽ điền',
    key: 'entered',
    render: (_: unknown, row: ReportFigure) => (row.entered ? 'Không — đơn vị đã nhập' : 'Có'),
  },
];

/**
 * "Lấy số liệu từ báo cáo năm": shows what the unit's yearly report gives the linked criteria, and
 * on confirmation fills those not entered yet at the sheet's version, naming what was filled.
 */
export function ReportFiguresButton({
  sheet,
  onSaved,
}: {
  sheet: ScoringSheetView;
  onSaved: (saved: ScoringSheetView) => void;
}) {
  const { modal } = App.useApp();
  const [loading, setLoading] = useState(false);
  const fill = async (figures: ReportFigure[]) => {
    try {
      const saved = await api.post(
        `/api/scoring-sheets/${sheet.id}/report-figures`,
        { version: sheet.version },
        { schema: ScoringSheetView },
      );
      const filled = figures.filter((figure) => !figure.entered);
      showSuccess(
        `Đã điền số liệu từ báo cáo cho tiêu chí ${filled.map((figure) => `${figure.criterionCode} (${figure.reportTitle})`).join('; ')}.`,
      );
      onSaved(saved);
    } catch (error) {
      showError(error);
    }
  };
  const open = async () => {
    setLoading(true);
    try {
      const view = await api.get(`/api/scoring-sheets/${sheet.id}/report-figures`, {
        schema: ReportFiguresView,
      });
      const toFill = view.figures.filter((figure) => !figure.entered);
      if (!view.figures.length) {
        modal.info({
          title: 'Chưa có số liệu từ báo cáo năm',
          content:
            'Không tìm thấy báo cáo năm đã gửi hoặc đã tiếp nhận của đơn vị có số liệu cho các tiêu chí định lượng được gắn chỉ tiêu báo cáo. Hãy gửi báo cáo năm trước, hoặc đề nghị cơ quan quản lý bảng tiêu chí gắn tiêu chí với chỉ tiêu báo cáo; đơn vị vẫn có thể tự nhập số liệu.',
          okText: 'Đã hiểu',
        });
        return;
      }
      const table = (
        <Table
          rowKey="criterionId"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={view.figures}
        />
      );
      if (!toFill.length) {
        modal.info({
          title: 'Các tiêu chí đều đã có số liệu',
          width: 720,
          content: (
            <>
              <Typography.Paragraph>Đơn vị đã tự nhập các tiêu chí này; không điền đè.</Typography.Paragraph>
              {table}
            </>
          ),
          okText: 'Đã hiểu',
        });
        return;
      }
      modal.confirm({
        title: 'Lấy số liệu từ báo cáo năm?',
        width: 720,
        content: (
          <>
            <Typography.Paragraph>
              Số liệu dưới đây được điền vào phần tự chấm của các tiêu chí chưa nhập; đơn vị vẫn sửa được sau.
            </Typography.Paragraph>
            {table}
          </>
        ),
        okText: `Điền ${toFill.length} tiêu chí`,
        cancelText: 'Hủy',
        onOk: () => fill(view.figures),
      });
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button icon={<FileSearchOutlined />} size="large" loading={loading} onClick={open}>
      Lấy số liệu từ báo cáo năm
    </Button>
  );
}
