import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { IndicatorLinksView } from '../../../../contracts/bloc-scoring-meeting.ts';
import { TemplatePage } from '../../../../contracts/reports.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';

type Link = IndicatorLinksView['links'][number];

/** The report indicators of the templates the user sees, as choices "CODE — label (unit)". */
function useIndicatorOptions() {
  return useQuery({
    queryKey: ['reports', 'templates', 'indicators'],
    queryFn: async ({ signal }) => {
      const page = await api.get('/api/report-templates', {
        query: { limit: 100 },
        schema: TemplatePage,
        signal,
      });
      const seen = new Map<string, string>();
      for (const template of page.items)
        for (const indicator of template.indicators)
          if (!seen.has(indicator.code))
            seen.set(indicator.code, `${indicator.code} — ${indicator.label} (${indicator.unit})`);
      return [...seen].map(([value, label]) => ({ value, label }));
    },
  });
}

/**
 * Which report indicator each quantitative criterion draws its figure from, edited by the table's
 * managers before publication (at the table's version); read-only for everyone else.
 */
export function IndicatorLinksPanel({ tableId }: { tableId: string }) {
  const client = useQueryClient();
  const key = ['bloc-scoring', 'indicators', tableId];
  const view = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get(`/api/scoring-tables/${tableId}/indicators`, { schema: IndicatorLinksView, signal }),
  });
  const options = useIndicatorOptions();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (view.data)
      setDraft(
        Object.fromEntries(view.data.links.map((link) => [link.criterionCode, link.indicatorCode ?? ''])),
      );
  }, [view.data]);
  if (view.isError) return <Alert type="error" showIcon title={describeError(view.error)} />;
  const data = view.data;
  if (!data) return <Card loading />;
  if (!data.links.length)
    return (
      <Typography.Text type="secondary">
        Bảng chưa có tiêu chí định lượng để gắn chỉ tiêu báo cáo.
      </Typography.Text>
    );
  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.put(
        `/api/scoring-tables/${tableId}/indicators`,
        {
          links: data.links.map((link) => ({
            criterionCode: link.criterionCode,
            indicatorCode: draft[link.criterionCode]?.trim() || null,
          })),
          version: data.version,
        },
        { schema: IndicatorLinksView },
      );
      client.setQueryData(key, saved);
      showSuccess('Đã lưu nguồn số liệu của các tiêu chí định lượng.');
    } catch (error) {
      showError(error);
      if (isApiError(error, 'VERSION_CONFLICT', 'CONFLICT')) void view.refetch();
    } finally {
      setSaving(false);
    }
  };
  const columns = [
    {
      title: 'Tiêu chí',
      key: 'criterion',
      render: (_: unknown, link: Link) => `${link.criterionCode}. ${link.title}`,
    },
    {
      title: 'Chỉ tiêu báo cáo năm',
      key: 'indicator',
      width: 360,
      render: (_: unknown, link: Link) =>
        data.editable ? (
          <AutoComplete
            aria-label={`Chỉ tiêu báo cáo của tiêu chí ${link.criterionCode}`}
            style={{ width: '100%' }}
            allowClear
            placeholder="Mã chỉ tiêu, ví dụ THU_NS"
            options={options.data ?? []}
            value={draft[link.criterionCode] ?? ''}
            onChange={(value: string) =>
              setDraft((current) => ({ ...current, [link.criterionCode]: value ?? '' }))
            }
          />
        ) : (
          (link.indicatorCode ?? 'Đơn vị tự nhập')
        ),
    },
  ];
  return (
    <>
      <Typography.Paragraph>
        Tiêu chí gắn với một chỉ tiêu của báo cáo năm thì đơn vị bấm "Lấy số liệu từ báo cáo năm" trên bảng
        điểm để điền kết quả thực hiện từ báo cáo đã gửi hoặc đã tiếp nhận. Để trống: đơn vị tự nhập.
      </Typography.Paragraph>
      <Table rowKey="criterionId" size="small" pagination={false} columns={columns} dataSource={data.links} />
      {data.editable && (
        <Button type="primary" style={{ marginTop: 12 }} loading={saving} onClick={save}>
          Lưu nguồn số liệu
        </Button>
      )}
    </>
  );
}
