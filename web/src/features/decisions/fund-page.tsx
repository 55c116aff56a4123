import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  FundEntryRef,
  type FundEntryView,
  fundCategoriesOf,
  fundCategoryLabels,
  fundEntryKindLabels,
  ORGANISING_SHARE_MAX,
} from '../../../../contracts/decision-fund.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate, toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useSession } from '../auth/session.api.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { formatMoney, useFund } from './decisions.api.ts';

const thisYear = new Date().getFullYear();

/** Adds an income or spending line. */
function EntryModal({ unitId, open, onClose }: { unitId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as 'income' | 'spending' | undefined;
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await api.create(
        '/api/fund-entries',
        { ...values, unitId, entryDate: toIsoDate(values.entryDate) },
        { schema: FundEntryRef, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
      showSuccess('Đã ghi vào sổ quỹ.');
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open={open}
      title="Thêm khoản thu, chi"
      okText="Ghi sổ"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'income', category: 'budget' }}>
        <Form.Item name="kind" label="Loại">
          <Select
            onChange={(value: 'income' | 'spending') =>
              form.setFieldValue('category', fundCategoriesOf[value][0])
            }
            options={[
              { value: 'income', label: fundEntryKindLabels.income },
              { value: 'spending', label: fundEntryKindLabels.spending },
            ]}
          />
        </Form.Item>
        <Form.Item name="category" label="Nội dung thu, chi">
          <Select
            options={fundCategoriesOf[kind ?? 'income'].map((value) => ({
              value,
              label: fundCategoryLabels[value],
            }))}
          />
        </Form.Item>
        <Form.Item name="entryDate" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="amount" label="Số tiền (đồng)" rules={[{ required: true, message: 'Nhập số tiền' }]}>
          <InputNumber<number>
            min={1}
            style={{ width: '100%' }}
            formatter={(value) => new Intl.NumberFormat('vi-VN').format(Number(value ?? 0))}
            parser={(value) => Number(String(value ?? '').replace(/\D/g, ''))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="Diễn giải"
          rules={[{ required: true, min: 2, message: 'Nhập diễn giải' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Quỹ thi đua, khen thưởng": a unit's ledger for a year, its totals and the yearly report. */
export function FundPage() {
  // Opens on the officer's own unit (the first unit they are granted); another may be chosen.
  const { user } = useSession();
  const ownUnitId = user?.grants.find((grant) => grant.unitId)?.unitId ?? undefined;
  const [chosenUnitId, setUnitId] = useState<string | undefined>();
  const unitId = chosenUnitId ?? ownUnitId;
  const [year, setYear] = useState(thisYear);
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const [adding, setAdding] = useState(false);
  const ledger = useFund({ unitId, year, ...position });
  const totals = ledger.data?.totals;
  return (
    <>
      <PageHeader
        title="Quỹ thi đua, khen thưởng"
        description="Trích lập, chi tiền thưởng theo quyết định, chi cho công tác tổ chức phong trào và số dư."
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <div style={{ minWidth: 320 }}>
            <UnitSelect
              value={unitId ?? null}
              onChange={(value) => {
                setUnitId(typeof value === 'string' ? value : undefined);
                setPosition({ limit: 20 });
              }}
              placeholder="Chọn đơn vị"
            />
          </div>
          <InputNumber
            aria-label="Năm"
            min={1945}
            max={2999}
            value={year}
            onChange={(value) => {
              setYear(value ?? thisYear);
              setPosition({ limit: 20 });
            }}
          />
          {unitId && (
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() =>
                downloadFile(
                  '/api/fund/report',
                  { unitId, year },
                  `trich-lap-su-dung-quy-${year}.xlsx`,
                ).catch(showError)
              }
            >
              Báo cáo trích lập và sử dụng quỹ (Excel)
            </Button>
          )}
          {unitId && ledger.data?.canEdit && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
              Thêm khoản thu, chi
            </Button>
          )}
        </Flex>
      </Card>
      {!unitId && (
        <Card>
          <Empty description="Chọn đơn vị để xem sổ quỹ thi đua, khen thưởng của năm." />
        </Card>
      )}
      {totals && (
        <Card style={{ marginBottom: 16 }}>
          <Flex gap={32} wrap>
            <Statistic title="Số dư đầu năm" value={formatMoney(totals.opening)} />
            <Statistic title="Trích lập trong năm" value={formatMoney(totals.income)} />
            <Statistic title="Chi tiền thưởng" value={formatMoney(totals.payouts)} />
            <Statistic title="Chi công tác tổ chức" value={formatMoney(totals.organising)} />
            <Statistic title="Chi khác" value={formatMoney(totals.otherSpending)} />
            <Statistic title="Số dư cuối kỳ" value={formatMoney(totals.balance)} />
          </Flex>
          {totals.organisingShare !== null && totals.organisingShare > ORGANISING_SHARE_MAX && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={`Chi cho công tác tổ chức đã vượt ${ORGANISING_SHARE_MAX * 100} % quỹ (Thông tư 28/2025/TT-BTC).`}
            />
          )}
        </Card>
      )}
      {unitId && (
        <Card title="Sổ quỹ">
          <Table<FundEntryView>
            rowKey="id"
            loading={ledger.isFetching}
            dataSource={ledger.data?.items ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              {
                title: 'Ngày',
                dataIndex: 'entryDate',
                width: 120,
                render: (value: string) => formatDate(value),
              },
              {
                title: 'Loại',
                dataIndex: 'kind',
                width: 150,
                render: (kind: FundEntryView['kind']) => (
                  <Tag color={kind === 'income' ? 'green' : 'orange'}>{fundEntryKindLabels[kind]}</Tag>
                ),
              },
              {
                title: 'Nội dung',
                dataIndex: 'category',
                render: (category: FundEntryView['category']) => fundCategoryLabels[category],
              },
              {
                title: 'Diễn giải',
                dataIndex: 'description',
                render: (text: string, row) =>
                  row.decisionId ? (
                    <Link to={`/khen-thuong/quyet-dinh/${row.decisionId}`}>{text}</Link>
                  ) : (
                    text
                  ),
              },
              {
                title: 'Số tiền',
                dataIndex: 'amount',
                align: 'right',
                render: (amount: number) => formatMoney(amount),
              },
            ]}
          />
          <CursorPager
            page={ledger.data}
            position={position}
            onChange={setPosition}
            noun="khoản"
            isLoading={ledger.isFetching}
          />
        </Card>
      )}
      {unitId && <EntryModal unitId={unitId} open={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
