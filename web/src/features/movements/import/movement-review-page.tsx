import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Space } from 'antd';
import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { describeError, showSuccess } from '../../../lib/notify.ts';
import { useMovement, useUpdateMovement } from '../movements.api.ts';
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

/**
 * The review of an imported plan: the source text on the left (line numbers, unplaced lines
 * highlighted), the structured draft on the right, then "Lưu dự thảo" opens the movement.
 */
export function MovementReviewPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const movement = useMovement(id);
  const update = useUpdateMovement(id);
  const [form] = Form.useForm<DraftValues>();
  const isSaving = useRef(false);

  if (movement.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (movement.isError)
    return (
      <LoadFailedResult message={describeError(movement.error)} onRetry={() => void movement.refetch()} />
    );
  const data = movement.data;
  const canEdit = data.actions.includes('edit');

  const save = async (values: DraftValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      if (canEdit) await update.mutateAsync(values);
      showSuccess('Đã lưu dự thảo kế hoạch.');
      navigate(`/phong-trao/${id}`);
    } catch {
      // The global handler has shown the server's message; the form keeps what was typed.
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
              <UnclassifiedLines movement={data} />
            </Card>
            <Card title="Phong trào">
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
                  <Input.TextArea autoSize={{ minRows: 2 }} style={{ fontSize: 16 }} />
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
