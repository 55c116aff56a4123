import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FairnessDashboard, FairnessRow } from '../../../../contracts/dashboards.ts';
import { ChartCard } from './chart-card.tsx';
import { formatShare } from './dashboard-format.ts';
import { downloadSection } from './dashboards.api.ts';
import { SettingsModal } from './settings-modal.tsx';

const sourceText = (view: FairnessDashboard) =>
  view.settings.source === 'own'
    ? 'do đơn vị đặt'
    : view.settings.source === 'inherited'
      ? `theo ${view.settings.sourceUnitName}`
      : 'mặc định';

const shareLabel = ({ value }: { value: unknown }) => formatShare(typeof value === 'number' ? value : null);

/** "Công bằng": each group's share of the awards beside its share of the staff, the notes and the thresholds. */
export function FairnessPanel({ view, year }: { view: FairnessDashboard | undefined; year: number }) {
  const [editing, setEditing] = useState(false);
  if (!view) return <Skeleton active />;
  const { settings } = view;
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => formatShare(value ?? null) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: (value: number) => formatShare(value) } },
    yAxis: { type: 'category', inverse: true, data: view.rows.map((row) => row.label) },
    series: [
      {
        name: 'Tỷ lệ được khen thưởng',
        type: 'bar',
        data: view.rows.map((row) => row.awardShare),
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'right', formatter: shareLabel },
      },
      {
        name: 'Tỷ lệ trong biên chế (số tập thể)',
        type: 'bar',
        data: view.rows.map((row) => row.staffShare),
        itemStyle: { color: '#bfbfbf' },
        label: { show: true, position: 'right', formatter: shareLabel },
      },
    ],
  };
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>
          Ngưỡng cảnh báo ({sourceText(view)}): người lao động trực tiếp {settings.directWorkerGap} điểm, nữ{' '}
          {settings.womenGap} điểm, tập thể nhỏ {settings.smallCollectiveGap} điểm; tập thể nhỏ là tập thể từ{' '}
          {settings.smallCollectiveSize} người trở xuống.
        </Typography.Text>
        {settings.canEdit && (
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => setEditing(true)}>
            Đặt ngưỡng cảnh báo
          </Button>
        )}
      </Flex>
      {view.notes.length ? (
        view.notes.map((note) => (
          <Alert key={note} type="warning" showIcon title={note} style={{ marginBottom: 8 }} />
        ))
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title="Không nhóm nào có tỷ lệ khen thưởng thấp hơn tỷ lệ trong biên chế quá ngưỡng cảnh báo."
        />
      )}
      {view.unknownSizeCollectiveAwards > 0 && (
        <Typography.Paragraph type="secondary">
          {view.unknownSizeCollectiveAwards} lượt khen thưởng tập thể cho đơn vị chưa có cán bộ trong hệ thống
          (chưa rõ quy mô) không tính vào tỷ lệ tập thể nhỏ.
        </Typography.Paragraph>
      )}
      <ChartCard<FairnessRow>
        title={`Tỷ lệ khen thưởng so với tỷ lệ trong biên chế — năm ${year}`}
        option={option}
        rows={view.rows}
        rowKey="group"
        fileName={`cong-bang-${year}`}
        onXlsx={() => downloadSection(view.unit.id, 'fairness', year)}
        isEmpty={view.rows.every((row) => row.awardBase === 0)}
        emptyText="Chưa có lượt khen thưởng nào trong năm"
        columns={[
          { title: 'Nhóm', dataIndex: 'label' },
          { title: 'Lượt khen thưởng của nhóm', dataIndex: 'awards', align: 'right' },
          { title: 'Tổng lượt cùng loại', dataIndex: 'awardBase', align: 'right' },
          { title: 'Tỷ lệ khen thưởng', dataIndex: 'awardShare', align: 'right', render: formatShare },
          { title: 'Số người / tập thể của nhóm', dataIndex: 'staff', align: 'right' },
          { title: 'Tổng số', dataIndex: 'staffBase', align: 'right' },
          { title: 'Tỷ lệ trong biên chế', dataIndex: 'staffShare', align: 'right', render: formatShare },
          {
            title: 'Đánh giá',
            dataIndex: 'isBelow',
            render: (isBelow: boolean, row) =>
              row.threshold === null ? (
                <Typography.Text type="secondary">Không đặt ngưỡng</Typography.Text>
              ) : isBelow ? (
                <Tag color="red">Thấp hơn ngưỡng {row.threshold} điểm</Tag>
              ) : (
                <Tag color="green">Trong ngưỡng</Tag>
              ),
          },
        ]}
      />
      {editing && <SettingsModal settings={settings} onClose={() => setEditing(false)} />}
    </>
  );
}
