import { z } from 'zod';
import { IsoDate, MultilineText, RecordVersion, Text } from './common.ts';

/** One body section's new text: its position in the tree (indexes from the top level down). */
export const SectionTextEdit = z.object({
  path: z.array(z.number().int().min(0).max(10_000)).min(1).max(12),
  text: MultilineText(20_000).min(1, 'Vui lòng nhập nội dung mục'),
});
export type SectionTextEdit = z.infer<typeof SectionTextEdit>;

/**
 * Body of PATCH /api/movements/:id/plan/document: the header (number, date, place), the signature
 * (authority lines, signer's position and name) and section texts; absent fields stay as they are.
 */
export const EditPlanDocumentBody = z.object({
  version: RecordVersion,
  number: Text(100).nullable().optional(),
  date: IsoDate.nullable().optional(),
  place: Text(200).nullable().optional(),
  authority: z.array(Text(300).min(1, 'Vui lòng nhập dòng thẩm quyền')).max(5).optional(),
  signerTitle: Text(300).nullable().optional(),
  signerName: Text(200).nullable().optional(),
  sections: z.array(SectionTextEdit).max(500).optional(),
});
export type EditPlanDocumentBody = z.infer<typeof EditPlanDocumentBody>;
