import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ScoringTableView } from '../../../../contracts/bloc-scoring.ts';
import {
  ProposalAward,
  type ProposalQuota,
  proposalAwardLabels,
  QuotasView,
} from '../../../../contracts/bloc-scoring-meeting.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { useRefreshScoring } from './bloc-scoring.api.ts';

type Values = Record<ProposalAward, { maxCount: number | null; maxPercent: number | null }>;

/**
 * "Hạn mức đề nghị khen thưởng": per award, at most a number and/or a share of the bloc's collectives
 * (both empty: no limit). Editable by the table's managers until a bloc publishes its ranking.
 */
export function QuotasModal({ table, onClose }: { table: ScoringTableView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshScoring();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const quotas = useQuery({
    queryKey: ['bloc-scoring', 'quotas', table.id],
    queryFn: ({ signal }) =>
      api.get(`/api/scoring-tables/${table.id}/quotas`, { schema: QuotasView, signal }),
  });
  const data = quotas.data;
  const initial = Object.fromEntries(
    ProposalAward.options.map((award) => {
      const quota = data?.quotas.find((item) => item.award === award);
      return [award, { maxCount: quota?.maxCount ?? null, maxPercent: quota?.maxPercent ?? null }];
    }),
  );
  const submit = async () => {
    if (!data?.editable) return onClose();
    const values = await form.validateFields();
    const list: ProposalQuota[] = ProposalAward.options
      .map((award) => ({ award, ...values[award] }))
      .filter((quota) => quota.maxCount !== null || quota.maxPercent !== null);
    setSaving(true);
    try {
      await api.put(
        `/api/scoring-tables/${table.id}/quotas`,
        { quotas: list, version: data.version },
        { schema: QuotasView },
      );
      showSuccess('Đã lưu hạn mức đề nghị khen thưởng.');
      await refresh();
      onClose();
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT', 'CONFLICT')) {
        setConflict(error.message);
        await refresh();
      } else showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Hạn mức đề nghị khen thưởng"
      okText={data?.editable ? 'Lưu' : 'Đóng'}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
    >
      {quotas.isError && <Alert type="error" showIcon title={describeError(quotas.error)} />}
      {conflict && (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} title={conflict} />
      )}
      {data && !data.editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Đã có khối, cụm công bố kết quả: hạn mức đã khóa."
        />
      )}
      {data && (
        <Form form={form} layout="vertical" initialValues={initial} disabled={!data.editable}>
          <Typography.Paragraph type="secondary">
            Mỗi hình thức: số lượng tối đa và/hoặc tỷ lệ tối đa trên số tập thể của khối, cụm (áp dụng mức
            chặt hơn, làm tròn xuống). Để trống cả hai là không giới hạn.
          </Typography.Paragraph>
          {ProposalAward.options.map((award) => (
            <Flex key={award} gap={12} wrap align="end">
              <Form.Item
                name={[award, 'maxCount']}
                label={`${proposalAwardLabels[award]}: số lượng tối đa`}
                style={{ minWidth: 260 }}
              >
                <InputNumber min={0} max={500} precision={0} />
              </Form.Item>
              <Form.Item name={[award, 'maxPercent']} label="Tỷ lệ tối đa (%)">
                <InputNumber min={0.01} max={100} />
              </Form.Item>
            </Flex>
          ))}
        </Form>
      )}
    </Modal>
  );
}
