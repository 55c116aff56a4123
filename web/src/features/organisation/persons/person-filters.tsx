import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import {
  PERSON_SEARCH_EXAMPLE,
  type PersonCategory,
  personCategoryLabels,
} from '../../../../../contracts/organisation.ts';
import styles from '../shared/organisation.module.css';
import { UnitSelect } from '../shared/unit-select.tsx';
import type { PersonFilterValues } from './person-search.ts';

interface FormValues {
  q?: string;
  unitId?: string;
  category?: PersonCategory;
  isLeader?: 'true' | 'false';
  isDirectWorker?: 'true' | 'false';
}

const categoryOptions = Object.entries(personCategoryLabels).map(([value, label]) => ({ value, label }));
const yesNoOptions = [
  { value: 'true', label: 'Có' },
  { value: 'false', label: 'Không' },
];

interface PersonFiltersProps {
  value: PersonFilterValues;
  onApply: (filters: PersonFilterValues) => void;
  onClear: () => void;
}

/** Filter bar of the people list; applies on "Lọc" or Enter in the name box. */
export function PersonFilters({ value, onApply, onClear }: PersonFiltersProps) {
  const [form] = Form.useForm<FormValues>();
  const { q, unitId, category, isLeader, isDirectWorker } = value;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ q, unitId, category, isLeader, isDirectWorker });
  }, [form, q, unitId, category, isLeader, isDirectWorker]);

  const apply = (values: FormValues) =>
    onApply({
      q: values.q?.trim() || undefined,
      unitId: values.unitId || undefined,
      category: values.category,
      isLeader: values.isLeader,
      isDirectWorker: values.isDirectWorker,
    });

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" className={styles.filters} onFinish={apply}>
        <Row gutter={[16, 0]}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item
              label="Họ và tên"
              name="q"
              tooltip="Gõ không dấu cũng được, các chữ theo thứ tự bất kỳ, mỗi chữ là đầu một tiếng trong họ tên"
            >
              <Input.Search
                placeholder={`VD: ${PERSON_SEARCH_EXAMPLE}`}
                allowClear
                enterButton="Tìm"
                onSearch={() => form.submit()}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label="Đơn vị (gồm cả đơn vị trực thuộc)" name="unitId">
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8} xl={4}>
            <Form.Item label="Đối tượng" name="category">
              <Select options={categoryOptions} allowClear placeholder="Tất cả" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <Form.Item label="Lãnh đạo, quản lý" name="isLeader">
              <Select options={yesNoOptions} allowClear placeholder="Tất cả" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <Form.Item label="Trực tiếp lao động" name="isDirectWorker">
              <Select options={yesNoOptions} allowClear placeholder="Tất cả" />
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
