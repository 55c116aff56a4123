import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { DecisionView } from '../../../../contracts/decisions.ts';
import type { ImportRowError } from '../../../../contracts/organisation.ts';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { ImportErrors } from '../organisation/import/import-errors.tsx';
import { uploadImport } from '../organisation/import/upload.ts';

const COLUMNS =
  'Họ và tên (để trống nếu khen tập thể), Ngày sinh (dd/mm/yyyy), Chức vụ, Đơn vị (mã hoặc tên), Danh hiệu, hình thức, Năm thành tích, Thành tích';

/** "Nhập từ Excel": the recipient list of a draft from the XLSX template, all rows or none. */
export function RecipientImport({ decision }: { decision: DecisionView }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<ImportRowError[] | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const upload = async (file: File) => {
    setErrors(null);
    setPercent(0);
    try {
      const outcome = await uploadImport(
        `/api/decisions/${decision.id}/recipients/import?version=${decision.version}`,
        file,
        session?.csrfToken ?? null,
        setPercent,
        newIdempotencyKey(),
      );
      if (outcome.kind === 'invalid') setErrors(outcome.errors);
      else {
        showSuccess(`Đã thêm ${outcome.imported} người, tập thể vào danh sách.`);
        setOpen(false);
      }
    } catch (error) {
      showError(error);
    } finally {
      setPercent(null);
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
    }
  };
  return (
    <>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => setOpen(true)}>
        Nhập từ Excel
      </Button>
      <Modal
        open={open}
        title="Nhập danh sách khen thưởng từ Excel"
        footer={null}
        width={820}
        onCancel={() => {
          setOpen(false);
          setErrors(null);
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            Tải tệp mẫu, điền mỗi dòng một người hoặc tập thể rồi tải lên. Các cột: {COLUMNS}. Nếu tệp có lỗi,
            hệ thống liệt kê mọi lỗi và chưa thêm dòng nào.
          </Typography.Paragraph>
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() =>
                downloadFile(
                  `/api/decisions/${decision.id}/recipient-template`,
                  {},
                  'mau-danh-sach-khen-thuong.xlsx',
                ).catch(showError)
              }
            >
              Tải tệp mẫu
            </Button>
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={percent !== null}>
                {percent !== null ? `Đang tải lên ${percent} %` : 'Chọn tệp và nhập'}
              </Button>
            </Upload>
          </Space>
          {errors && errors.length > 0 && <ImportErrors errors={errors} />}
          {errors && errors.length === 0 && <Alert type="error" showIcon title="Tệp không nhập được." />}
        </Space>
      </Modal>
    </>
  );
}
