import { Form, Input, Modal } from 'antd';
import { useRef } from 'react';
import type { DocNode } from '../../../../../contracts/documents.ts';
import { MovementDetail } from '../../../../../contracts/movements.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';
import { useStoreConflictMovement } from '../movements.api.ts';
import { useEditPlanDocument } from './plan-issue.api.ts';

interface SectionValues {
  text: string;
}

const conflictFields: ConflictField<SectionValues>[] = [{ name: 'text', label: 'Nội dung mục' }];

/** The text of the node at `path` in a movement's plan, or null when it is no longer there. */
function textAt(movement: MovementDetail, path: number[]): string | null {
  let level = movement.plan.document.sections;
  let node: DocNode | undefined;
  for (const index of path) {
    node = level[index];
    if (!node) return null;
    level = node.children;
  }
  return node?.text ?? null;
}

/**
 * Rewords one item of the plan's body (a heading, a paragraph, a bullet). A save made on a version
 * someone else has changed keeps what was typed and shows their wording beside it.
 */
export function SectionTextModal({
  movement,
  path,
  node,
  onClose,
}: {
  movement: MovementDetail;
  path: number[];
  node: DocNode;
  onClose: () => void;
}) {
  const [form] = Form.useForm<SectionValues>();
  const save = useEditPlanDocument(movement.id);
  const storeConflict = useStoreConflictMovement();
  const isSaving = useRef(false);
  const edit = useVersionedEdit<SectionValues>({
    version: movement.version,
    form,
    fields: conflictFields,
    loadedValues: { text: node.text },
    freshValues: (current) => {
      const parsed = MovementDetail.safeParse(current);
      const text = parsed.success ? textAt(parsed.data, path) : null;
      return text === null ? null : { text };
    },
    onReload: (conflict) => storeConflict(conflict.current),
  });

  const submit = async ({ text }: SectionValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      await save.mutateAsync({ version: edit.version, sections: [{ path, text: text.trim() }] });
      showSuccess('Đã lưu nội dung mục.');
      onClose();
    } catch (error) {
      if (!edit.handleError(error)) showError(error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title={`Sửa mục ${node.label ?? ''}`.trim()}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ size: 'large', disabled: save.isPending }}
      cancelButtonProps={{ size: 'large' }}
      width={760}
      destroyOnHidden
    >
      <VersionConflictNotice edit={edit} />
      <Form<SectionValues>
        form={form}
        layout="vertical"
        initialValues={{ text: node.text }}
        onFinish={(values) => void submit(values)}
        requiredMark={false}
      >
        <Form.Item
          name="text"
          label="Nội dung mục"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung mục' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 16 }}
            maxLength={20_000}
            showCount
            style={{ fontSize: 16 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
