import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { BaseSalaryList, type CriteriaView } from '../../../../contracts/award-admin.ts';
import { RecordRef } from '../../../../contracts/award-records.ts';
import type { AwardCode, AwardSubject } from '../../../../contracts/awards.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { ConfidenceTag } from './confidence-tag.tsx';

interface OverrideTarget {
  ruleSet: string;
  award: AwardCode;
  awardName: string;
  subject: AwardSubject;
  criteria: CriteriaView;
}

/** An administrator replaces a rule (as JSON, with a reason) or restores the shipped one; both audited. */
export function OverrideButtons({ target }: { target: OverrideTarget }) {
  const client = useQueryClient();
  const [open, setOpen] = useState<'edit' | 'restore' | null>(null);
  const [form] = Form.useForm<{ rule: string; reason: string }>();
  const refresh = () => client.invalidateQueries({ queryKey: ['awards'] });
  const save = useMutation({
    mutationFn: (values: { rule: string; reason: string }) =>
      api.put(
        '/api/award-rules/overrides',
        {
          ruleSet: target.ruleSet,
          award: target.award,
          subject: target.subject,
          rule: JSON.parse(values.rule),
          reason: values.reason,
          ...(target.criteria.override ? { version: target.criteria.override.version } : {}),
        },
        { schema: RecordRef },
      ),
    onSuccess: () => {
      showSuccess('Đã lưu quy tắc thay thế.');
      setOpen(null);
      void refresh();
    },
    onError: showError,
  });
  const restore = useMutation({
    mutationFn: (values: { reason: string }) =>
      api.delete(`/api/award-rules/overrides/${target.criteria.override?.id}`, {
        query: { reason: values.reason },
      }),
    onSuccess: () => {
      showSuccess('Đã dùng lại quy tắc gốc.');
      setOpen(null);
      void refresh();
    },
    onError: showError,
  });
  return (
    <Space>
      <Button
        onClick={() => {
          form.setFieldsValue({ rule: JSON.stringify(target.criteria.rule, null, 2), reason: '' });
          setOpen('edit');
        }}
      >
        Thay thế quy tắc
      </Button>
      {target.criteria.override && (
        <Button
          danger
          onClick={() => {
            form.setFieldsValue({ reason: '' });
            setOpen('restore');
          }}
        >
          Dùng lại quy tắc gốc
        </Button>
      )}
      <Modal
        open={open !== null}
        title={
          open === 'edit'
            ? `Thay thế quy tắc: ${target.awardName}`
            : `Dùng lại quy tắc gốc: ${target.awardName}`
        }
        onCancel={() => setOpen(null)}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={save.isPending || restore.isPending}
        onOk={() =>
          void form
            .validateFields()
            .then((values) => (open === 'edit' ? save.mutate(values) : restore.mutate(values)))
        }
        width={760}
      >
        <Form form={form} layout="vertical">
          {open === 'edit' && (
            <Form.Item
              name="rule"
              label="Quy tắc (cây điều kiện, JSON như tệp criteria.json)"
              rules={[
                {
                  validator: (_, value: string) => {
                    try {
                      JSON.parse(value);
                      return Promise.resolve();
                    } catch {
                      return Promise.reject(new Error('Nội dung không phải JSON hợp lệ.'));
                    }
                  },
                },
              ]}
            >
              <Input.TextArea rows={14} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label="Lý do"
            rules={[{ required: true, min: 5, message: 'Ghi lý do (ít nhất 5 ký tự).' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The base salary history, and the next change an administrator adds (audited). */
export function BaseSalaryCard({ canEdit }: { canEdit: boolean }) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['awards', 'base-salaries'],
    queryFn: ({ signal }) => api.get('/api/base-salaries', { schema: BaseSalaryList, signal }),
  });
  const [form] = Form.useForm<{ from: string; amount: number; article: string }>();
  const { key, renew } = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (values: { from: string; amount: number; article: string }) =>
      api.create('/api/base-salaries', values, { schema: RecordRef, idempotencyKey: key }),
    onSuccess: () => {
      showSuccess('Đã thêm mức lương cơ sở.');
      form.resetFields();
      renew();
      void client.invalidateQueries({ queryKey: ['awards'] });
    },
    onError: showError,
  });
  return (
    <Card title="Mức lương cơ sở (căn cứ tính tiền thưởng)" style={{ marginTop: 16 }}>
      <Table
        rowKey="from"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: 'Áp dụng từ', dataIndex: 'from', render: (value: string) => formatDate(value) },
          { title: 'Mức (đồng)', dataIndex: 'amount', render: (value: number) => formatNumber(value) },
          {
            title: 'Căn cứ',
            dataIndex: 'article',
            render: (value: string, row) => (
              <>
                {value} <ConfidenceTag mark={row.confidence} />{' '}
                {row.added && <Tag color="purple">Quản trị thêm</Tag>}
              </>
            ),
          },
        ]}
      />
      {canEdit && (
        <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(values) => add.mutate(values)}>
          <Form.Item
            name="from"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'Ngày dạng năm-tháng-ngày' }]}
          >
            <Input placeholder="Áp dụng từ (2026-07-01)" aria-label="Áp dụng từ ngày" />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true, message: 'Ghi mức lương' }]}>
            <InputNumber
              min={100000}
              step={10000}
              placeholder="Mức (đồng)"
              aria-label="Mức lương cơ sở"
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name="article" rules={[{ required: true, min: 5, message: 'Ghi văn bản quy định' }]}>
            <Input placeholder="Nghị định số …" aria-label="Văn bản quy định" style={{ width: 260 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={add.isPending}>
            Thêm mức mới
          </Button>
        </Form>
      )}
    </Card>
  );
}
