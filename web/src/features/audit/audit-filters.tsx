import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { auditActionLabels, auditEntityLabels } from '../../../../contracts/audit.ts';
import { parseIsoDate, toIsoDate } from '../../lib/format.ts';
import styles from './audit-log-page.module.css';
import type { AuditFilterValues } from './audit-search.ts';

interface FormValues {
  action?: string;
  entityType?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Lower case without Vietnamese diacritics, so "dang nhap" finds "Đăng nhập". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'vi');
const actionOptions = Object.entries(auditActionLabels)
  .map(([code, label]) => ({ value: code, label }))
  .sort(byLabel);
const entityOptions = Object.entries(auditEntityLabels)
  .map(([code, label]) => ({ value: code, label }))
  .sort(byLabel);
const searchLabels = {
  filterOption: (input: string, option?: { label: string }) =>
    foldVietnamese(option?.label ?? '').includes(foldVietnamese(input.trim())),
};

function toFormValues(filters: AuditFilterValues): FormValues {
  const from = parseIsoDate(filters.from);
  const to = parseIsoDate(filters.to);
  return {
    action: filters.action,
    entityType: filters.entityType,
    actor: filters.actor,
    range: from || to ? [from, to] : null,
  };
}

function toFilters(values: FormValues): AuditFilterValues {
  return {
    action: values.action || undefined,
    entityType: values.entityType || undefined,
    actor: values.actor?.trim() || undefined,
    from: toIsoDate(values.range?.[0]),
    to: toIsoDate(values.range?.[1]),
  };
}

interface AuditFiltersProps {
  value: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
  onClear: () => void;
}

/** Filter bar of the audit log; it applies on "Lọc" (not on every keystroke) to keep the table calm. */
export function AuditFilters({ value, onApply, onClear }: AuditFiltersProps) {
  const [form] = Form.useForm<FormValues>();
  const { action, entityType, actor, from, to } = value;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues({ action, entityType, actor, from, to }));
  }, [form, action, entityType, actor, from, to]);

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        className={styles.filters}
        onFinish={(values) => onApply(toFilters(values))}
      >
        <Row gutter={[16, 0]}>
          <Col xs={24} xl={6}>
            <Form.Item label="Thao tác" name="action">
              <Select
                options={actionOptions}
                placeholder="Gõ để tìm, VD: Phát động"
                allowClear
                showSearch={searchLabels}
                aria-label="Thao tác"
              />
            </Form.Item>
          </Col>
          <Col xs={12} xl={5}>
            <Form.Item label="Loại đối tượng" name="entityType">
              <Select
                options={entityOptions}
                placeholder="Tất cả"
                allowClear
                showSearch={searchLabels}
                aria-label="Loại đối tượng"
              />
            </Form.Item>
          </Col>
          <Col xs={12} xl={5}>
            <Form.Item label="Người thực hiện" name="actor">
              <Input placeholder="Tên đăng nhập" allowClear autoCapitalize="none" />
            </Form.Item>
          </Col>
          <Col xs={24} xl={8}>
            <Form.Item label="Khoảng thời gian" name="range">
              <DatePicker.RangePicker
                format="DD/MM/YYYY"
                allowEmpty={[true, true]}
                placeholder={['Từ ngày', 'Đến ngày']}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<FilterOutlined aria-hidden />}>
            Lọc
          </Button>
          <Button icon={<ClearOutlined aria-hidden />} onClick={onClear}>
            Xóa lọc
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
