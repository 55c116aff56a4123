import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { LaunchWarning } from '../../../../../contracts/movements.ts';
import { PageHeader } from '../../../components/index.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { describeError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { movementKeys, useMovement } from '../movements.api.ts';
import { officerUnits } from '../shared/officer-units.ts';
import { UnitPicker } from '../shared/unit-picker.tsx';
import { ImportWarnings, uploadPlan } from './upload-plan.ts';

const ACCEPT =
  '.txt,.md,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Creates a draft movement from a plan document: choose the launching unit, upload the file with a
 * progress bar, then review it side by side with the source. With `?cap-tren=<id>` the document
 * becomes the implementing plan of that higher-level movement.
 */
export function MovementImportPage() {
  const { user, data: session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const parentId = searchParams.get('cap-tren') ?? undefined;
  const parent = useMovement(parentId);
  const units = officerUnits(user);
  const [unitId, setUnitId] = useState<string | undefined>(units[0]?.id);
  const [file, setFile] = useState<File | null>(null);
  // One key per chosen file: a second click or a retry of the same upload makes one movement.
  const uploadKey = useIdempotencyKey();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // What the server found that does not fit: shown for an explicit "Vẫn nhập" before anything is stored.
  const [warnings, setWarnings] = useState<LaunchWarning[] | null>(null);
  // A ref, not state: a double click arrives before React re-renders the disabled button.
  const isUploading = useRef(false);

  const upload = async (confirmed = false) => {
    if (!file || !unitId || isUploading.current) return;
    isUploading.current = true;
    setFailure(null);
    setWarnings(null);
    setProgress(0);
    try {
      const movement = await uploadPlan(
        {
          launchingUnitId: unitId,
          parentMovementId: parentId,
          ...(confirmed ? { confirmWarnings: 'true' as const } : {}),
        },
        file,
        session?.csrfToken ?? null,
        setProgress,
        // The confirmed upload is another request than the refused one: it gets its own key.
        confirmed ? `${uploadKey.key}-xac-nhan` : uploadKey.key,
      );
      queryClient.setQueryData(movementKeys.detail(movement.id), movement);
      void queryClient.invalidateQueries({ queryKey: ['movements', 'list'] });
      navigate(`/phong-trao/${movement.id}/xem-lai`);
    } catch (error) {
      if (error instanceof ImportWarnings) setWarnings(error.warnings);
      else setFailure(error);
    } finally {
      isUploading.current = false;
      setProgress(null);
    }
  };

  const isBusy = progress !== null;
  return (
    <>
      <PageHeader
        title={parentId ? 'Nhập kế hoạch thực hiện từ văn bản' : 'Nhập phong trào từ văn bản'}
        description={
          parentId && parent.data
            ? `Kế hoạch của đơn vị thực hiện phong trào cấp trên: “${parent.data.name}”.`
            : 'Tải lên tệp kế hoạch (Word .docx, .txt hoặc .md); hệ thống đọc và tách sẵn các phần để anh/chị kiểm tra.'
        }
      />
      <Card style={{ maxWidth: 820 }}>
        <Form layout="vertical">
          <Form.Item label="Đơn vị ban hành kế hoạch" htmlFor="launching-unit" required>
            <UnitPicker id="launching-unit" value={unitId} onChange={setUnitId} initialOptions={units} />
          </Form.Item>
          <Form.Item label="Tệp kế hoạch" required>
            <Upload.Dragger
              accept={ACCEPT}
              multiple={false}
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                uploadKey.renew();
                setFailure(null);
                return false;
              }}
              disabled={isBusy}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
              onRemove={() => {
                setFile(null);
                return true;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">Bấm để chọn tệp, hoặc kéo tệp thả vào đây</p>
              <p className="ant-upload-hint">Tệp Word (.docx), văn bản (.txt) hoặc Markdown (.md)</p>
            </Upload.Dragger>
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button
              type="primary"
              size="large"
              icon={<UploadOutlined aria-hidden />}
              disabled={!file || !unitId || isBusy}
              loading={isBusy}
              onClick={() => void upload()}
            >
              Tải lên và đọc văn bản
            </Button>
            {isBusy && <Progress percent={progress} status="active" aria-label="Tiến độ tải lên" />}
            {!unitId && (
              <Typography.Text type="warning">Chọn đơn vị ban hành kế hoạch trước.</Typography.Text>
            )}
            {failure !== null && <Alert type="error" showIcon title={describeError(failure)} />}
          </Space>
        </Form>
      </Card>
      {warnings && (
        <Modal
          open
          title="Văn bản chưa khớp với đơn vị ban hành"
          okText="Vẫn nhập văn bản này"
          cancelText="Không nhập, chọn lại"
          onOk={() => void upload(true)}
          onCancel={() => setWarnings(null)}
          confirmLoading={isBusy}
          okButtonProps={{ size: 'large', disabled: isBusy }}
          cancelButtonProps={{ size: 'large' }}
          width={640}
        >
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={`Có ${warnings.length} điểm cần xem lại trước khi nhập:`}
            description={
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {warnings.map((warning) => (
                  <li key={warning.code}>{warning.message}</li>
                ))}
              </ul>
            }
          />
          <Typography.Paragraph style={{ marginTop: 16 }}>
            Nếu đúng là văn bản của đơn vị mình, bấm “Vẫn nhập văn bản này”; kế hoạch được lưu dưới dạng dự
            thảo để kiểm tra, chưa phát động.
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}
