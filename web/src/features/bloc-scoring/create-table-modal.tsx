import { useQueryClient } from '@tanstack/react-query';
import { Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ScoringTableView } from '../../../../contracts/bloc-scoring.ts';
import { api } from '../../lib/api-client.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { useBlocs } from '../organisation/blocs/blocs.api.ts';
import { useCouncils } from '../organisation/councils/councils.api.ts';
import { scoringKeys } from './bloc-scoring.api.ts';

interface Values {
  councilId: string;
  year: number;
  blocId?: string;
  name: string;
  leadingCount: number;
}

/** Drafts a scoring table: council, year, one bloc or every bloc of that year, name, leading places. */
export function CreateTableModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const councils = useCouncils();
  const councilId = Form.useWatch('councilId', form);
  const year = Form.useWatch('year', form);
  const blocs = useBlocs(year ?? 0, councilId, open && !!councilId && !!year);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.create(
        '/api/scoring-tables',
        {
          councilId: values.councilId,
          blocId: values.blocId ?? null,
          year: values.year,
          name: values.name,
          leadingCount: values.leadingCount,
        },
        { schema: ScoringTableView, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: scoringKeys.all });
      navigate(`/khoi-cum/bang/${created.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Lập bảng tiêu chí chấm điểm"
      okText="Lập bảng tiêu chí"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ year: dayjs().year(), leadingCount: 1 }}>
        <Form.Item name="councilId" label="Hội đồng" rules={[{ required: true, message: 'Chọn Hội đồng' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={councils.isFetching}
            options={(councils.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="blocId" label="Khối, cụm thi đua" style={{ flex: 1, minWidth: 240 }}>
            <Select
              allowClear
              placeholder="Tất cả khối, cụm của năm"
              loading={blocs.isFetching}
              options={(blocs.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="name"
          label="Tên bảng tiêu chí"
          rules={[{ required: true, min: 3, message: 'Nhập tên bảng tiêu chí' }]}
        >
          <Input maxLength={300} placeholder="Bảng tiêu chí chấm điểm thi đua Cụm … năm …" />
        </Form.Item>
        <Form.Item
          name="leadingCount"
          label="Số đơn vị dẫn đầu"
          rules={[{ required: true, message: 'Nhập số' }]}
        >
          <InputNumber min={1} max={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
