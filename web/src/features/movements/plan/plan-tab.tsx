import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DocNode } from '../../../../../contracts/documents.ts';
import type { MovementDetail, PlanContent } from '../../../../../contracts/movements.ts';
import { formatDateTime } from '../../../lib/format.ts';
import {
  useEditCriteria,
  usePlanVersion,
  usePlanVersions,
  useStoreConflictMovement,
} from '../movements.api.ts';
import { CriteriaTree } from './criteria-tree.tsx';
import { PlanDocumentModal } from './plan-document-modal.tsx';
import { PlanAttachments, PlanBody, PlanOpening } from './plan-document-parts.tsx';
import { PlanHeaderFacts } from './plan-header-facts.tsx';
import { PlanSchedule } from './plan-summary.tsx';
import { SectionTextModal } from './section-text-modal.tsx';

/** What a plan lacks to be issued (at launch), as the server names it (number, date, signer). */
function missingForIssue(plan: PlanContent): string[] {
  const { document } = plan;
  return [
    ...(document.number?.trim() ? [] : ['số, ký hiệu']),
    ...(document.date ? [] : ['ngày ban hành']),
    ...(document.signature.name?.trim() ? [] : ['người ký']),
  ];
}

/** Chooses which stored version of the plan to show; the current one is editable, older ones are not. */
function VersionSelect({
  movement,
  value,
  onChange,
}: {
  movement: MovementDetail;
  value: number | null;
  onChange: (version: number | null) => void;
}) {
  const versions = usePlanVersions(movement.id);
  const items = versions.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <Space wrap>
      <label htmlFor="plan-version">Phiên bản kế hoạch:</label>
      <Select
        id="plan-version"
        size="large"
        style={{ minWidth: 320 }}
        value={value ?? movement.currentVersion}
        onChange={(next) => onChange(next === movement.currentVersion ? null : next)}
        options={[...items].reverse().map((item) => ({
          value: item.version,
          label: `Phiên bản ${item.version} – ${formatDateTime(item.createdAt)}${item.isCurrent ? ' (hiện hành)' : ''}`,
        }))}
      />
    </Space>
  );
}

/** The "Kế hoạch" tab: the plan's content, its criteria (editable by managers) and older versions. */
export function PlanTab({ movement }: { movement: MovementDetail }) {
  const [version, setVersion] = useState<number | null>(null);
  const older = usePlanVersion(movement.id, version);
  const edit = useEditCriteria(movement.id);
  const formEdit = useEditCriteria(movement.id, { isForm: true });
  const storeConflict = useStoreConflictMovement();
  const isOlder = version !== null;
  const plan = isOlder ? older.data?.plan : movement.plan;
  const canEdit = !isOlder && movement.actions.includes('edit');
  const [isEditingHeader, setEditingHeader] = useState(false);
  const [editingNode, setEditingNode] = useState<{ path: number[]; node: DocNode } | null>(null);
  const missing = canEdit && movement.status === 'draft' ? missingForIssue(movement.plan) : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <VersionSelect movement={movement} value={version} onChange={setVersion} />
      {isOlder && (
        <Alert
          type="info"
          showIcon
          title={`Đang xem phiên bản ${version} (chỉ đọc). Chọn phiên bản hiện hành để chỉnh sửa.`}
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`Trước khi ban hành, kế hoạch cần có ${missing.join(', ')}.`}
          description="Bấm “Sửa thông tin văn bản” để điền; lời văn từng mục cũng sửa được bằng nút “Sửa” bên cạnh mục."
          action={
            <Button size="large" onClick={() => setEditingHeader(true)}>
              Điền ngay
            </Button>
          }
        />
      )}
      {!plan ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card
              title="Thông tin văn bản"
              extra={
                canEdit && (
                  <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditingHeader(true)}>
                    Sửa thông tin văn bản
                  </Button>
                )
              }
            >
              <PlanHeaderFacts plan={plan} />
            </Card>
            <Card title="Tiêu chuẩn thi đua" style={{ marginTop: 16 }}>
              {canEdit && (
                <Typography.Paragraph type="secondary">
                  Mỗi thay đổi được lưu ngay; sau khi phát động, thay đổi tạo phiên bản mới của kế hoạch.
                </Typography.Paragraph>
              )}
              <CriteriaTree
                criteria={plan.criteria}
                version={movement.version}
                onEdit={
                  canEdit ? (change, fromForm) => (fromForm ? formEdit : edit).mutateAsync(change) : undefined
                }
                onReload={storeConflict}
                isSaving={edit.isPending || formEdit.isPending}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <PlanOpening document={plan.document} />
              <PlanBody
                document={plan.document}
                onEdit={canEdit ? (path, node) => setEditingNode({ path, node }) : undefined}
              />
              <PlanAttachments document={plan.document} />
            </Space>
            <Card title="Khen thưởng, tiến độ, kinh phí" style={{ marginTop: 16 }}>
              <PlanSchedule plan={plan} />
            </Card>
          </Col>
        </Row>
      )}
      {isEditingHeader && <PlanDocumentModal movement={movement} onClose={() => setEditingHeader(false)} />}
      {editingNode && (
        <SectionTextModal
          movement={movement}
          path={editingNode.path}
          node={editingNode.node}
          onClose={() => setEditingNode(null)}
        />
      )}
    </Space>
  );
}
