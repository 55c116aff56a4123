import { DownloadOutlined, FileExcelOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, type TableColumnsType } from 'antd';
import type { EChartsType } from 'echarts/core';
import { useCallback, useRef, useState } from 'react';
import { downloadChart, EChart, type EChartOption } from '../../components/echart.tsx';
import { showError } from '../../lib/notify.ts';

/**
 * A chart with the table behind it (shown below by default, hidden on demand), and its downloads:
 * the chart as SVG and the section's tables as XLSX.
 */
export function ChartCard<Row extends object>({
  title,
  option,
  rows,
  columns,
  rowKey,
  fileName,
  onXlsx,
  isEmpty,
  emptyText = 'Chưa có số liệu trong năm',
  height,
}: {
  title: string;
  option: EChartOption;
  rows: Row[];
  columns: TableColumnsType<Row>;
  rowKey: keyof Row & string;
  fileName: string;
  onXlsx: () => Promise<void>;
  isEmpty?: boolean;
  emptyText?: string;
  height?: number;
}) {
  const [showTable, setShowTable] = useState(true);
  const [downloading, setDownloading] = useState(false);
  const chart = useRef<EChartsType | null>(null);
  const keep = useCallback((instance: EChartsType) => {
    chart.current = instance;
  }, []);
  const xlsx = async () => {
    setDownloading(true);
    try {
      await onXlsx();
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };
  const empty = isEmpty ?? rows.length === 0;
  return (
    <Card
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap={8} wrap>
          <Button icon={<TableOutlined aria-hidden />} onClick={() => setShowTable(!showTable)}>
            {showTable ? 'Ẩn bảng số liệu' : 'Xem bảng số liệu'}
          </Button>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            disabled={empty}
            onClick={() => chart.current && downloadChart(chart.current, fileName)}
          >
            Tải biểu đồ
          </Button>
          <Button icon={<FileExcelOutlined aria-hidden />} loading={downloading} onClick={xlsx}>
            Tải Excel
          </Button>
        </Flex>
      }
    >
      {empty ? (
        <Empty description={emptyText} />
      ) : (
        <EChart option={option} label={title} height={height} onChart={keep} />
      )}
      {showTable && (
        <Table<Row>
          aria-label={`Bảng số liệu: ${title}`}
          size="small"
          rowKey={rowKey}
          dataSource={rows}
          columns={columns}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 700 }}
          style={{ marginTop: 12 }}
          locale={{ emptyText }}
        />
      )}
    </Card>
  );
}
