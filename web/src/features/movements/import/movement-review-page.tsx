import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Space } from 'antd';
import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MovementDetail } from '../../../../../contracts/movements.ts';
import { UpdateMovementBody } from '../../../../../contracts/movements.ts';
import { LoadFailedResult, PageHeader, VersionConflictNotice } from '../../../components/index.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';
import { describeError, showError, showSuccess } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';
import { useMovement, useStoreConflictMovement, useUpdateMovement } from '../movements.api.ts';
import { CriteriaTree } from '../plan/criteria-tree.tsx';
import { PlanAttachments, PlanBody, PlanOpening } from '../plan/plan-document-parts.tsx';
import { PlanHeaderFacts } from '../plan/plan-header-facts.tsx';
import { PlanSchedule } from '../plan/plan-summary.tsx';
import { SourceText } from './source-text.tsx';
import { UnclassifiedLines } from './unclassified-lines.tsx';

interface DraftValues {
  name: string;
  periodFrom: number;
  periodTo: number;
}

const conflictFields: ConflictField<DraftValues>[] = [
  { name: 'name', label: 'Tên phong trào' },
  { name: 'periodFrom', label: 'Từ năm' },
  { name: 'periodTo', label: 'Đến năm' },
];

/**
 * The review of an imported plan: the source text on the left (line numbers, unplaced lines
 * highlighted), the structured draft on the right, then "Lưu dự thảo" opens the movement.
 */
export function MovementReviewPage() {
  const { id = '' } = useParams();
  const movement = useMovement(id);
  if (movement.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (movement.isError)
    return (
      <LoadFailedResult message={describeError(movement.error)} onRetry={() => void movement.refetch()} />
    );
  return <ReviewScreen data={movement.data} />;
}

/** The review screen of a loaded movement; its form saves at the version it loaded. */
function ReviewScreen({ data }: { data: MovementDetail }) {
  const id = data.id;
  const navigate = useNavigate();
  const update = useUpdateMovement(id);
  const storeConflict = useStoreConflictMovement();
  const [form] = Form.useForm<DraftValues>();
  const edit = useVersionedEdit<DraftValues>({
    version: data.version,
    form,
    fields: conflictFields,
    loadedValues: { name: data.name, periodFrom: data.periodFrom, periodTo: data.periodTo },
    freshValues: (current) => {
      const fresh = current as Partial<MovementDetail> | undefined;
      return fresh ? { name: fresh.name, periodFrom: fresh.periodFrom, periodTo: fresh.periodTo } : null;
    },
    onReload: (conflict) => storeConflict(conflict.current),
  });
  const isSaving = useRef(false);
  const canEdit = data.actions.includes('edit');

  const save = async (values: DraftValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      if (canEdit) await update.mutateAsync({ ...values, version: edit.version });
      showSuccess('Đã lưu dự thảo kế hoạch.');
      navigate(`/phong-trao/${id}`);
    } catch (error) {
      // The form keeps what was typed; a conflict shows who saved first and offers the fresh version.
      if (!edit.handleError(error)) showError(error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <>
      <PageHeader
        title="Kiểm tra văn bản đã nhập"
        description="Dự thảo đã được lưu. Đối chiếu với văn bản gốc, xếp các dòng còn lại rồi bấm “Lưu dự thảo”."
        extra={
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined aria-hidden />}
            loading={update.isPending}
            onClick={() => form.submit()}
          >
            Lưu dự thảo
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title="Văn bản gốc" styles={{ body: { padding: 12 } }}>
            <SourceText text={data.sourceText ?? ''} unclassified={data.unclassified} />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="Dòng chưa xếp được">
              <UnclassifiedLines movement={data} onSaved={edit.advance} />
            </Card>
            <Card title="Phong trào">
              <VersionConflictNotice edit={edit} />
              <Form<DraftValues>
                form={form}
                layout="vertical"
                disabled={!canEdit}
                initialValues={{ name: data.name, periodFrom: data.periodFrom, periodTo: data.periodTo }}
                onFinish={save}
              >
                <Form.Item
                  name="name"
                  label="Tên phong trào"
                  rules={[{ required: true, min: 3, message: 'Vui lòng nhập tên phong trào' }]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 2 }}
                    style={{ fontSize: 16 }}
                    {...fieldLimitProps(UpdateMovementBody, 'name')}
                  />
                </Form.Item>
                <Space wrap>
                  <Form.Item
                    name="periodFrom"
                    label="Từ năm"
                    rules={[{ required: true, message: 'Nhập năm' }]}
                  >
                    <InputNumber min={1945} max={2100} size="large" />
                  </Form.Item>
                  <Form.Item
                    name="periodTo"
                    label="Đến năm"
                    rules={[{ required: true, message: 'Nhập năm' }]}
                  >
                    <InputNumber min={1945} max={2100} size="large" />
                  </Form.Item>
                </Space>
              </Form>
            </Card>
            <Card title="Thông tin văn bản">
              <PlanHeaderFacts plan={data.plan} />
            </Card>
            <PlanOpening document={data.plan.document} />
            <Card title="Tiêu chuẩn thi đua">
              <CriteriaTree criteria={data.plan.criteria} />
            </Card>
            <PlanBody document={data.plan.document} />
            <PlanAttachments document={data.plan.document} />
            <Card title="Khen thưởng, tiến độ, kinh phí">
              <PlanSchedule plan={data.plan} />
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}
