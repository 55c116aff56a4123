import {
  type LaunchWarning,
  LaunchWarningsReply,
  MovementDetail,
} from '../../../../../contracts/movements.ts';
import { buildUrl } from '../../../lib/api-client.ts';
import { uploadError, uploadFile } from '../../../lib/upload.ts';

/** The file does not fit the chosen unit (another unit's plan, an ended period, a duplicate): confirm first. */
export class ImportWarnings extends Error {
  constructor(readonly warnings: LaunchWarning[]) {
    super('Kế hoạch có điểm cần xem lại trước khi nhập.');
    this.name = 'ImportWarnings';
  }
}

/**
 * Uploads a plan document (.txt, .md, .docx) with upload progress and returns the draft movement the
 * server built from it. A file that is not a document throws an ApiError with the server's message;
 * one that does not fit the unit throws ImportWarnings until it is sent again with `confirmWarnings`.
 */
export async function uploadPlan(
  query: { launchingUnitId: string; parentMovementId?: string | undefined; confirmWarnings?: 'true' },
  file: File,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
  idempotencyKey: string,
): Promise<MovementDetail> {
  const reply = await uploadFile(
    buildUrl('/api/movements/import', query),
    file,
    csrfToken,
    onProgress,
    idempotencyKey,
  );
  if (reply.status === 201) {
    const movement = MovementDetail.safeParse(reply.payload);
    if (movement.success) return movement.data;
  }
  if (reply.status === 409) {
    const warned = LaunchWarningsReply.safeParse(reply.payload);
    if (warned.success && warned.data.code === 'LAUNCH_WARNINGS' && warned.data.warnings?.length)
      throw new ImportWarnings(warned.data.warnings);
  }
  throw uploadError(reply);
}
