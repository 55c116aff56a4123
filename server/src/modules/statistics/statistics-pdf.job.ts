import { z } from 'zod';
import { Uuid } from '#contracts/common.ts';
import { convertDocxToPdf, DocumentError } from '#server/modules/documents/index.ts';
import { JobFailure, type JobKind } from '#server/platform/jobs/job-registry.ts';
import { getForm } from './form-registry.ts';
import { placeFor } from './statistics.policy.ts';
import { fillForm } from './statistics.service.ts';
import { statisticsDocx } from './statistics-docx.ts';

const Payload = z.object({ code: z.string(), year: z.number().int(), unitId: Uuid.nullable() });

/** A filled form in its official layout (a landscape DOCX) converted to PDF by LibreOffice in the background. */
export const statisticsPdfJob: JobKind<z.infer<typeof Payload>> = {
  kind: 'statistics.form_pdf',
  payload: Payload,
  maxAttempts: 2,
  async run({ db, payload, progress }) {
    await progress(20, 'Đang tổng hợp số liệu của biểu…');
    const form = getForm(payload.code, payload.year);
    const report = await fillForm(db, form, payload.year, await placeFor(db, payload.unitId));
    await progress(50, 'Đang chuyển sang PDF bằng LibreOffice…');
    try {
      return {
        file: {
          fileName: `bieu-${form.code}-${payload.year}.pdf`,
          contentType: 'application/pdf',
          data: await convertDocxToPdf(await statisticsDocx(report)),
        },
        message: 'Đã xuất xong biểu thống kê ra PDF.',
      };
    } catch (error) {
      if (error instanceof DocumentError) throw new JobFailure(error.message);
      throw error;
    }
  },
};
