import { Card, Collapse, Empty, Tag, Typography } from 'antd';
import type { Attachment, DocNode, ParsedDocument } from '../../../../../contracts/documents.ts';
import { PlanSections } from './plan-sections.tsx';

/** The opening of the document: its preamble (paragraphs before "I.") and the enacting words. */
export function PlanOpening({ document }: { document: ParsedDocument }) {
  if (document.preamble.length === 0 && !document.enacting) return null;
  return (
    <Card title="Phần mở đầu">
      {document.preamble.map((paragraph) => (
        <Typography.Paragraph key={paragraph.lines[0]} style={{ fontSize: 15 }}>
          {paragraph.text}
        </Typography.Paragraph>
      ))}
      {document.enacting && (
        <Typography.Paragraph strong style={{ fontSize: 15 }}>
          {document.enacting}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * The body: the articles of a decision or resolution (Điều 1, Điều 2 …), else the plan's sections;
 * each item with a "Sửa" button when the user may correct the plan (`onEdit`).
 */
export function PlanBody({
  document,
  onEdit,
}: {
  document: ParsedDocument;
  onEdit?: ((path: number[], node: DocNode) => void) | undefined;
}) {
  const isArticles = document.articles.length > 0;
  return (
    <Card title={isArticles ? `Các điều (${document.articles.length})` : 'Nội dung kế hoạch'}>
      <PlanSections
        sections={document.sections}
        label={isArticles ? 'Các điều của văn bản' : 'Nội dung kế hoạch'}
        {...(onEdit ? { onEdit } : {})}
      />
    </Card>
  );
}

function attachmentHeading(attachment: Attachment): string {
  return (
    [attachment.label, attachment.kind, attachment.title].filter(Boolean).join(' – ') || 'Văn bản kèm theo'
  );
}

/** The texts issued with the document (regulation, plan, forms, appendices), each with its own body. */
export function PlanAttachments({ document }: { document: ParsedDocument }) {
  if (document.attachments.length === 0) return null;
  return (
    <Card title={`Văn bản kèm theo (${document.attachments.length})`}>
      <Collapse
        items={document.attachments.map((attachment, index) => ({
          key: String(attachment.lines[0] || index),
          label: (
            <span style={{ fontSize: 15 }}>
              {attachmentHeading(attachment)}
              {attachment.articles.length > 0 && (
                <Tag style={{ marginLeft: 8 }}>{attachment.articles.length} điều</Tag>
              )}
            </span>
          ),
          children: (
            <>
              {attachment.note && <Typography.Paragraph italic>{attachment.note}</Typography.Paragraph>}
              {attachment.sections.length > 0 ? (
                <PlanSections sections={attachment.sections} label={attachmentHeading(attachment)} />
              ) : (
                <Empty description="Không có nội dung" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}
