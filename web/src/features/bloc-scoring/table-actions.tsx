import {
  CopyOutlined,
  DownloadOutlined,
  EditOutlined,
  LockOutlined,
  PercentageOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ScoringTableView } from '../../../../contracts/bloc-scoring.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { importCriteria, useRefreshScoring } from './bloc-scoring.api.ts';
import { QuotasModal } from './quotas-modal.tsx';
import { TableSettingsModal } from './table-settings-modal.tsx';

/** Copies the table into another year as a draft (the year's bloc of the same name by default). */
function CopyModal({
  table,
  open,
  onClose,
}: {
  table: ScoringTableView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ year: number }>();
  const navigate = useNavigate();
  const refresh = useRefreshScoring();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const { year } = await form.validateFields();
    setSaving(true);
    try {
      const copy = await api.create(
        `/api/scoring-tables/${table.id}/copy`,
        { year },
        { schema: ScoringTableView, idempotencyKey: key },
      );
      renew();
      await refresh();
      onClose();
      navigate(`/khoi-cum/bang/${copy.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Sao chép bảng tiêu chí sang năm khác"
      okText="Sao chép"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" initialValues={{ year: table.year + 1 }}>
        <Form.Item name="year" label="Năm của bảng mới" rules={[{ required: true, message: 'Nhập năm' }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
      </Form>
      Bảng mới là dự thảo với các tiêu chí và thứ tự xét khi bằng điểm của bảng này; khối, cụm là khối, cụm
      cùng tên của năm đó.
    </Modal>
  );
}

/** The table's buttons: open the scoring (confirmed), edit its settings, copy, export and import the criteria as XLSX. */
export function TableActions({ table, onImported }: { table: ScoringTableView; onImported: () => void }) {
  const { modal } = App.useApp();
  const { data: session } = useSession();
  const refresh = useRefreshScoring();
  const [copying, setCopying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [quotas, setQuotas] = useState(false);
  const [busy, setBusy] = useState(false);
  const canEdit = table.actions.includes('edit');
  const openScoring = () =>
    modal.confirm({
      title: 'Mở chấm điểm?',
      content:
        'Sau khi mở chấm điểm, bảng tiêu chí bị khóa: không thêm, sửa, xóa tiêu chí được nữa. Mỗi đơn vị thành viên nhận một bảng điểm để tự chấm.',
      okText: 'Mở chấm điểm',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await api.post(`/api/scoring-tables/${table.id}/open`, { version: table.version });
          showSuccess('Đã mở chấm điểm.');
        } catch (error) {
          showError(error);
        } finally {
          await refresh();
        }
      },
    });
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(`/api/scoring-tables/${table.id}/xlsx`, {}, `bang-tieu-chi-${table.year}.xlsx`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      {table.actions.includes('open') && (
        <Button type="primary" size="large" icon={<LockOutlined aria-hidden />} onClick={openScoring}>
          Mở chấm điểm
        </Button>
      )}
      {(canEdit || table.actions.includes('rename')) && (
        <Button size="large" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
          Sửa thông tin bảng
        </Button>
      )}
      {table.actions.includes('set_targets') && (
        <Button size="large" icon={<PercentageOutlined aria-hidden />} onClick={() => setQuotas(true)}>
          Hạn mức đề nghị
        </Button>
      )}
      <Button size="large" icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={download}>
        Tải bảng tiêu chí (XLSX)
      </Button>
      {canEdit && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            importCriteria(table.id, table.version, file, session?.csrfToken ?? null)
              .then(async () => {
                showSuccess('Đã nhập tiêu chí từ tệp Excel.');
                await refresh();
                onImported();
              })
              .catch(showError);
            return false;
          }}
        >
          <Button size="large" icon={<UploadOutlined aria-hidden />}>
            Nhập tiêu chí từ Excel
          </Button>
        </Upload>
      )}
      {hasRole(session?.user ?? null, 'tdkt_officer') && (
        <Button size="large" icon={<CopyOutlined aria-hidden />} onClick={() => setCopying(true)}>
          Sao chép sang năm khác
        </Button>
      )}
      <CopyModal table={table} open={copying} onClose={() => setCopying(false)} />
      {quotas && <QuotasModal table={table} onClose={() => setQuotas(false)} />}
      {editing && <TableSettingsModal table={table} open onClose={() => setEditing(false)} />}
    </Space>
  );
}
