import { MovementDetail } from '../../../../../contracts/movements.ts';
import { buildUrl } from '../../../lib/api-client.ts';
import { uploadError, uploadFile } from '../../../lib/upload.ts';

/**
 * Uploads a plan document (.txt, .md, .docx) with upload progress and returns the draft movement the
 * server built from it. A file that is not a document throws an ApiError with the server's message.
 */
export async function uploadPlan(
  query: { launchingUnitId: string; parentMovementId?: string | undefined },
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
  throw uploadError(reply);
}
