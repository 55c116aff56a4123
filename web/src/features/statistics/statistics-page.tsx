import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/index.ts';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate } from '../../lib/format.ts';
import { runJobAndDownload } from '../../lib/jobs.ts';
import { showError } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { CellRecordsDrawer, type OpenCell } from './cell-records-drawer.tsx';
import { FormTable } from './form-table.tsx';
import { type EditedCell, ManualCellModal } from './manual-cell-modal.tsx';
import { type StatisticsChoice, useStatisticsForms, useStatisticsReport } from './statistics.api.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: thisYear + 1 - 2018 + 1 }, (_, index) => thisYear + 1 - index);

/**
 * "Thống kê": the Ministry of Home Affairs' statutory forms of a unit (its whole subtree) for a
 * statistical year (01/12–30/11): pick the year, unit and form, open any figure's records, type
 * what the system cannot count, download the form as Excel or PDF.
 */
export function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const year = Number(params.get('year')) || thisYear;
  const forms = useStatisticsForms(year);
  const homeUnit = user?.grants.find((grant) => grant.unitId)?.unitId ?? undefined;
  const choice: StatisticsChoice = {
    year,
    unitId: params.get('unitId') ?? homeUnit,
    code: params.get('form') ?? forms.data?.items[0]?.code ?? '',
  };
  const report = useStatisticsReport(choice);
  const [opened, setOpened] = useState<OpenCell | null>(null);
  const [edited, setEdited] = useState<EditedCell | null>(null);
  const [pdfProgress, setPdfProgress] = useState<string | null>(null);
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = { year, unitId: choice.unitId, form: params.get('form') ?? undefined, ...changes };
    setParams(
      Object.fromEntries(
        Object.entries(next).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])),
      ),
    );
  };
  const query = { year, unitId: choice.unitId };
  const downloadXlsx = () =>
    downloadFile(
      `/api/statistics/forms/${choice.code}/xlsx`,
      query,
      `bieu-${choice.code}-${year}.xlsx`,
    ).catch(showError);
  const downloadPdf = async () => {
    setPdfProgress('Đang chuẩn bị…');
    try {
      await runJobAndDownload(`/api/statistics/forms/${choice.code}/pdf-jobs`, query, {
        idempotencyKey: newIdempotencyKey(),
        fallbackName: `bieu-${choice.code}-${year}.pdf`,
        onProgress: (job) => setPdfProgress(job.message ?? 'Đang xử lý…'),
      });
    } catch (error) {
      showError(error);
    } finally {
      setPdfProgress(null);
    }
  };
  const data = report.data;
  return (
    <>
      <PageHeader
        title="Thống kê thi đua, khen thưởng"
        description="Biểu báo cáo thống kê của Bộ Nội vụ, tổng hợp cả các đơn vị cấp dưới. Năm thống kê tính từ 01/12 năm trước đến 30/11."
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={downloadXlsx} disabled={!data}>
              Tải Excel
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              onClick={downloadPdf}
              disabled={!data}
              loading={pdfProgress !== null}
            >
              {pdfProgress ?? 'Tải PDF'}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select
            aria-label="Năm thống kê"
            value={year}
            onChange={(value) => update({ year: value, form: undefined })}
            options={YEARS.map((value) => ({ value, label: `Năm ${value}` }))}
            style={{ width: 140 }}
          />
          <div style={{ minWidth: 320, flex: 1 }}>
            <UnitSelect
              value={choice.unitId ?? null}
              onChange={(value) => update({ unitId: value as string | undefined })}
            />
          </div>
          <Select
            aria-label="Biểu thống kê"
            value={choice.code || undefined}
            onChange={(value) => update({ form: value })}
            loading={forms.isLoading}
            options={(forms.data?.items ?? []).map((form) => ({
              value: form.code,
              label: `${form.code} – ${form.name}`,
            }))}
            style={{ minWidth: 360, flex: 2 }}
            placeholder="Chọn biểu"
          />
        </Flex>
      </Card>
      {!choice.unitId && <Alert type="info" showIcon message="Vui lòng chọn đơn vị lập biểu." />}
      {report.isLoading && <Spin />}
      {report.error && <Alert type="error" showIcon message={(report.error as Error).message} />}
      {data && (
        <Card>
          <Typography.Title level={2} style={{ fontSize: 18, textAlign: 'center', margin: 0 }}>
            {data.form.name.toUpperCase()}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            Năm {data.year} (từ ngày {formatDate(data.periodFrom)} đến ngày {formatDate(data.periodTo)})
            {data.form.unitNote ? ` — ${data.form.unitNote}` : ''}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'symbol', label: 'Biểu số', children: data.form.symbol },
              { key: 'unit', label: 'Đơn vị báo cáo', children: data.unit?.name ?? 'Toàn hệ thống' },
              { key: 'circular', label: 'Ban hành theo', children: data.form.circular },
              { key: 'receiver', label: 'Đơn vị nhận báo cáo', children: data.receivingUnit },
            ]}
          />
          <FormTable report={data} onOpen={setOpened} onEdit={setEdited} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            Bấm vào một số để xem danh sách bản ghi tạo nên số đó. Số in nghiêng là số nhập tay.
          </Typography.Paragraph>
          <ul style={{ color: '#595959', paddingLeft: 20 }}>
            {data.form.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Card>
      )}
      <CellRecordsDrawer choice={choice} cell={opened} onClose={() => setOpened(null)} />
      {edited && <ManualCellModal choice={choice} cell={edited} onClose={() => setEdited(null)} />}
    </>
  );
}
