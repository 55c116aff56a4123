import { eq } from 'drizzle-orm';
import type { DossierComponent } from '#contracts/nomination-dossier.ts';
import { composeDocument, docNode, renderDocx } from '#server/modules/documents/index.ts';
import {
  achievementReportDocx,
  type Caller,
  dossierView,
  uploadDossierFile,
} from '#server/modules/nominations/index.ts';
import { loadConfig } from '#server/platform/config.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nominations, units } from '#server/platform/db/schema.ts';
import { createFileStore } from '#server/platform/files/file-store.ts';

/** Which parts of a demo dossier to file: the minutes and the confirmations may be left out on purpose. */
export interface DemoDossierParts {
  minutes?: boolean;
  reports?: boolean;
}

const SHORT_TEXT: Partial<Record<DossierComponent, { kind: string; title: string; body: string }>> = {
  to_trinh: {
    kind: 'TỜ TRÌNH',
    title: 'Về việc đề nghị khen thưởng',
    body: 'Đơn vị kính trình cấp có thẩm quyền xem xét, khen thưởng các tập thể, cá nhân có tên trong danh sách kèm theo.',
  },
  bien_ban: {
    kind: 'BIÊN BẢN',
    title: 'Họp Hội đồng Thi đua – Khen thưởng bình xét khen thưởng',
    body: 'Hội đồng đã bình xét và bỏ phiếu kín; các cá nhân đề nghị đều đạt trên 70% tổng số thành viên Hội đồng đồng ý.',
  },
  xac_nhan: {
    kind: 'GIẤY XÁC NHẬN',
    title: 'Xác nhận sáng kiến và phạm vi ảnh hưởng',
    body: 'Sáng kiến đã được áp dụng hiệu quả, có phạm vi ảnh hưởng trong tỉnh.',
  },
};

async function shortDocx(component: DossierComponent, unitName: string, today: string) {
  const text = SHORT_TEXT[component] ?? SHORT_TEXT.to_trinh;
  if (!text) throw new Error('no demo text');
  return renderDocx(
    composeDocument({
      kind: text.kind,
      issuer: { parent: null, name: unitName.toUpperCase() },
      date: today,
      title: text.title,
      sections: [docNode(null, text.body)],
    }),
  );
}

/**
 * Files a demo tờ trình's dossier through the dossier service, as its proposing unit's officer would:
 * the tờ trình and (unless left out) the minutes as short DOCX, each nominee's báo cáo thành tích as
 * the module's own draft, then any confirmation the award still asks for. Call while it is a draft or returned.
 */
export async function fileDemoDossier(
  db: Database,
  caller: Caller,
  nominationId: string,
  today: string,
  parts: DemoDossierParts = {},
) {
  const [unit] = await db
    .select({ name: units.name })
    .from(nominations)
    .innerJoin(units, eq(units.id, nominations.proposingUnitId))
    .where(eq(nominations.id, nominationId));
  const unitName = unit?.name ?? '';
  const files = createFileStore(loadConfig({}));
  const { minutes = true, reports = true } = parts;
  const upload = async (component: DossierComponent, nomineeId?: string) =>
    uploadDossierFile(
      db,
      files,
      caller,
      nominationId,
      { component, nomineeId },
      { fileName: '', buffer: await shortDocx(component, unitName, today) },
    );
  const view = await dossierView(db, caller, nominationId);
  const needs = (code: DossierComponent) =>
    view.nominees.some((nominee) => nominee.items.some((item) => item.code === code && !item.present));
  if (needs('to_trinh')) await upload('to_trinh');
  if (minutes && needs('bien_ban')) await upload('bien_ban');
  if (!reports) return;
  for (const nominee of view.nominees) {
    for (const item of nominee.items) {
      if (item.present || item.code === 'to_trinh' || item.code === 'bien_ban') continue;
      if (item.code === 'bao_cao_thanh_tich') {
        const report = await achievementReportDocx(db, caller, nominationId, nominee.nomineeId);
        await uploadDossierFile(
          db,
          files,
          caller,
          nominationId,
          { component: 'bao_cao_thanh_tich', nomineeId: nominee.nomineeId },
          { fileName: report.fileName, buffer: report.buffer },
          'nomination_file.generate',
        );
      } else await upload(item.code, nominee.nomineeId);
    }
  }
}

/** Minutes the returned tờ trình adds before it is sent again. */
export const fileDemoMinutes = (db: Database, caller: Caller, nominationId: string, today: string) =>
  fileDemoDossier(db, caller, nominationId, today, { reports: false });
