import { Alert, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { NomineeAppraisal } from '../../../../../contracts/nomination-appraisal.ts';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { formatDate } from '../../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../../lib/notify.ts';
import { StatusTag } from '../labels.tsx';
import { useAppraisal, useFinishAppraisal } from './appraisal.api.ts';
import { AppraisalDetails, DossierTag, VerdictTag, WarningTags } from './appraisal-details.tsx';
import { OpinionEditor } from './opinion-editor.tsx';

const subjectOf = (item: NomineeAppraisal) =>
  item.nominee.person?.fullName ?? item.nominee.unit?.name ?? item.nominee.householdName ?? '';

/**
 * The appraisal (thẩm định) of a received tờ trình by the receiving level: per nominee the verdict
 * (reasons on expand), warnings, the opinion and proposal, and "Hoàn tất thẩm định".
 */
export function AppraisalPage() {
  const { id = '' } = useParams();
  const appraisal = useAppraisal(id);
  const finish = useFinishAppraisal(id);
  if (appraisal.isError)
    return <LoadFailedResult message={describeError(appraisal.error)} onRetry={() => appraisal.refetch()} />;
  const data = appraisal.data;
  if (!data) return null;
  const open = data.nominees.filter((item) => item.nominee.status === 'received');
  const missing = open.filter((item) => !item.opinion).length;
  const disagreed = open.filter((item) => item.opinion?.proposal === 'disagree').length;

  const done = async () => {
    try {
      await finish.mutateAsync(data.version);
      showSuccess('Đã hoàn tất thẩm định; đơn vị trình đã được thông báo.');
    } catch (error) {
      showError(error);
      appraisal.refetch();
    }
  };

  return (
    <>
      <PageHeader
        title={`Thẩm định: ${data.title}`}
        description={
          <Link to={`/khen-thuong/to-trinh/${id}`}>
            {data.proposingUnit.name} — {data.roundTitle}
          </Link>
        }
        extra={
          data.canAppraise && (
            <Popconfirm
              title="Hoàn tất thẩm định tờ trình này?"
              description={`${open.length - disagreed} đối tượng đồng ý chuyển sang hội đồng; ${disagreed} đối tượng không đồng ý sẽ không được khen thưởng.`}
              okText="Hoàn tất"
              cancelText="Hủy"
              disabled={missing > 0}
              onConfirm={done}
            >
              <Button type="primary" size="large" loading={finish.isPending} disabled={missing > 0}>
                Hoàn tất thẩm định
              </Button>
            </Popconfirm>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <span>
            Trạng thái: <StatusTag status={data.status} />
          </span>
          <span>Cấp nhận: {data.receivingUnit.name}</span>
          <span>Xét điều kiện tại ngày: {formatDate(data.date)}</span>
        </Space>
        {data.canAppraise && missing > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`Còn ${missing} đối tượng chưa có ý kiến thẩm định.`}
          />
        )}
      </Card>
      <Table<NomineeAppraisal>
        rowKey={(item) => item.nominee.id}
        dataSource={data.nominees}
        pagination={false}
        expandable={{
          expandedRowRender: (item) => <AppraisalDetails item={item} />,
          expandRowByClick: false,
        }}
        columns={[
          { title: 'STT', width: 60, render: (_, __, index) => index + 1 },
          {
            title: 'Đối tượng',
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{subjectOf(item)}</Typography.Text>
                <Typography.Text type="secondary">
                  {item.nominee.awardName},{' '}
                  {item.nominee.periodFrom === item.nominee.periodTo
                    ? item.nominee.periodFrom
                    : `${item.nominee.periodFrom}–${item.nominee.periodTo}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Điều kiện', width: 150, render: (_, item) => <VerdictTag item={item} /> },
          { title: 'Cảnh báo', width: 220, render: (_, item) => <WarningTags warnings={item.warnings} /> },
          {
            title: 'Hồ sơ',
            width: 110,
            render: (_, item) => <DossierTag checklist={item.dossierChecklist} />,
          },
          {
            title: 'Ý kiến thẩm định',
            width: 420,
            render: (_, item) =>
              item.nominee.status === 'received' ? (
                <OpinionEditor
                  key={`${item.nominee.id}:${item.opinion?.version ?? 0}`}
                  nominationId={id}
                  item={item}
                  disabled={!data.canAppraise}
                  onSaved={() => appraisal.refetch()}
                />
              ) : (
                <Space direction="vertical" size={0}>
                  <StatusTag status={item.nominee.status} />
                  {item.opinion && <Typography.Text>{item.opinion.opinion}</Typography.Text>}
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
