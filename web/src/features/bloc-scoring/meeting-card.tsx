import { DownloadOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Grid, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { NextBlocView, proposalAwardLabels } from '../../../../contracts/bloc-scoring-meeting.ts';
import { api, newIdempotencyKey } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { describeError, showSuccess } from '../../lib/notify.ts';
import { useRefreshScoring } from './bloc-scoring.api.ts';
import { useBlocMeeting } from './meeting.api.ts';

/** The organisation page listing a council's blocs of a year. */
const blocsPage = (councilId: string, year: number) =>
  `/to-chuc/khoi-thi-dua?councilId=${councilId}&year=${year}`;

/**
 * The published meeting's record (present units, proposals, next year's head and deputy) with what
 * the server lets the user do: download the minutes and the tờ trình, create next year's bloc.
 */
export function MeetingCard({
  tableId,
  blocId,
  blocName,
  councilId,
  year,
  memberCount,
}: {
  tableId: string;
  blocId: string;
  blocName: string;
  councilId: string;
  year: number;
  memberCount: number;
}) {
  const meeting = useBlocMeeting(tableId, blocId);
  const client = useQueryClient();
  const refresh = useRefreshScoring();
  const { modal } = App.useApp();
  const [message, setMessage] = useState<string | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  if (meeting.isError)
    return <Alert type="error" showIcon title={describeError(meeting.error)} style={{ marginBottom: 16 }} />;
  const data = meeting.data;
  if (!data) return <Card loading />;
  const path = `/api/scoring-tables/${tableId}/blocs/${blocId}`;
  const download = (file: 'minutes' | 'proposal', name: string) =>
    downloadFile(`${path}/${file}`, {}, `${name}-${year}.docx`).then(
      () => setMessage(null),
      (error: unknown) => setMessage(describeError(error)),
    );
  const createNext = () => {
    const key = newIdempotencyKey();
    modal.confirm({
      title: `Tạo ${blocName} năm ${year + 1}?`,
      content: (
        <>
          <p>
            {blocName} năm {year + 1} được lập trong Hội đồng với cùng tên, cùng {memberCount} đơn vị thành
            viên năm {year} (giữ thứ tự) và cùng thành viên Hội đồng phụ trách.
          </p>
          <p>
            Khối trưởng: <b>{data.nextHead?.unitName}</b>
            {data.nextDeputy && (
              <>
                ; khối phó: <b>{data.nextDeputy.unitName}</b>
              </>
            )}
            ; các đơn vị khác là thành viên.
          </p>
        </>
      ),
      okText: `Tạo khối, cụm năm ${year + 1}`,
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const created = await api.create(`${path}/next-bloc`, undefined, {
            schema: NextBlocView,
            idempotencyKey: key,
          });
          setMessage(null);
          showSuccess(`Đã tạo ${created.name} năm ${created.year}.`);
        } catch (error) {
          setMessage(describeError(error));
        } finally {
          await client.invalidateQueries({ queryKey: ['bloc-scoring', 'meeting', tableId, blocId] });
          await refresh();
        }
      },
    });
  };
  const proposals = data.proposals.map(
    (proposal) => `${proposal.unitName}: ${proposalAwardLabels[proposal.award]}`,
  );
  return (
    <Card title="Kết quả họp khối, cụm" style={{ marginBottom: 16 }}>
      {message && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={message} />}
      <Descriptions
        column={1}
        layout={narrow ? 'vertical' : 'horizontal'}
        size="small"
        items={[
          {
            label: 'Đơn vị dự họp',
            children: data.present.map((unit) => unit.unitName).join('; ') || 'Không ghi',
          },
          {
            label: 'Đề nghị khen thưởng',
            children: proposals.length ? (
              <Flex vertical>
                {proposals.map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </Flex>
            ) : (
              'Không có'
            ),
          },
          {
            label: 'Hạn mức của bảng tiêu chí',
            children:
              data.quotas
                .map(
                  (quota) =>
                    `${proposalAwardLabels[quota.award]}: ${data.proposals.filter((item) => item.award === quota.award).length}/${quota.limit}`,
                )
                .join('; ') || 'Không giới hạn',
          },
          { label: 'Khối trưởng năm sau', children: data.nextHead?.unitName ?? 'Chưa chọn' },
          { label: 'Khối phó năm sau', children: data.nextDeputy?.unitName ?? 'Chưa chọn' },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {data.actions.includes('minutes') && (
          <Button icon={<FileWordOutlined aria-hidden />} onClick={() => download('minutes', 'bien-ban-hop')}>
            Tải biên bản họp (Word)
          </Button>
        )}
        {data.actions.includes('proposal') && (
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => download('proposal', 'to-trinh')}>
            Tải tờ trình đề nghị khen thưởng (Word)
          </Button>
        )}
        {data.actions.includes('create_next_bloc') && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={createNext}>
            Tạo khối/cụm năm sau
          </Button>
        )}
      </Flex>
      {data.nextBlocId && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          Khối, cụm năm {year + 1} đã được lập:{' '}
          <Link to={blocsPage(councilId, year + 1)}>xem trong trang Khối, cụm thi đua</Link>.
        </Typography.Paragraph>
      )}
    </Card>
  );
}
