import { Alert, Descriptions, List, Modal, Typography } from 'antd';
import type { ReportTemplate } from '../../../../../contracts/reports.ts';

/** A template the user may not edit (one of a unit above theirs): its sections and indicators, read only. */
export function TemplateViewModal({ template, onClose }: { template: ReportTemplate; onClose: () => void }) {
  return (
    <Modal
      open
      title={`Mẫu báo cáo: ${template.name}`}
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <Alert
        style={{ marginBottom: 16 }}
        type="info"
        showIcon
        title={`Mẫu của cấp trên: ${template.ownerUnit.name}`}
        description="Bạn dùng được mẫu này khi gửi yêu cầu báo cáo của đơn vị mình, nhưng không sửa được."
      />
      <Typography.Title level={5}>Các mục báo cáo</Typography.Title>
      <List
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        dataSource={template.sections}
        renderItem={(section, index) => (
          <List.Item>
            <List.Item.Meta
              title={`${index + 1}. ${section.title}`}
              description={section.hint || undefined}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>Các chỉ tiêu số liệu</Typography.Title>
      {template.indicators.length ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={template.indicators.map((indicator) => ({
            key: indicator.code,
            label: indicator.label,
            children: indicator.unit || '—',
          }))}
        />
      ) : (
        <Typography.Text type="secondary">Mẫu không có chỉ tiêu số liệu.</Typography.Text>
      )}
    </Modal>
  );
}
