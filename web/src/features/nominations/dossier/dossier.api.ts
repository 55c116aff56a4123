import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OkResponse } from '../../../../../contracts/common.ts';
import {
  DossierChecklist,
  type DossierComponent,
  DossierFile,
} from '../../../../../contracts/nomination-dossier.ts';
import { api, buildUrl } from '../../../lib/api-client.ts';
import { uploadError, uploadFile } from '../../../lib/upload.ts';

const dossierKey = (nominationId: string) => ['nominations', 'dossier', nominationId];

/** The checklist and files of a tờ trình's dossier (read again when the tờ trình's version changes). */
export function useDossier(nominationId: string, version: number) {
  return useQuery({
    queryKey: [...dossierKey(nominationId), version],
    queryFn: ({ signal }) =>
      api.get(`/api/nominations/${nominationId}/dossier`, { schema: DossierChecklist, signal }),
    retry: false,
    meta: { silentError: true },
  });
}

/** Uploads one file for a component (of a nominee, or of the whole tờ trình) and returns it. */
export async function uploadDossierFile(
  nominationId: string,
  target: { component: DossierComponent; nomineeId?: string | undefined },
  file: File,
  csrfToken: string | null,
  idempotencyKey: string,
): Promise<DossierFile> {
  const reply = await uploadFile(
    buildUrl(`/api/nominations/${nominationId}/files`, { ...target }),
    file,
    csrfToken,
    () => undefined,
    idempotencyKey,
  );
  if (reply.status === 201) {
    const parsed = DossierFile.safeParse(reply.payload);
    if (parsed.success) return parsed.data;
  }
  throw uploadError(reply);
}

/** Refreshes the checklist after a change. */
export function useRefreshDossier(nominationId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: dossierKey(nominationId) });
}

/** Removes a file at the version shown. */
export function useDeleteDossierFile(nominationId: string) {
  const refresh = useRefreshDossier(nominationId);
  return useMutation({
    mutationFn: (file: DossierFile) =>
      api.delete(`/api/nominations/${nominationId}/files/${file.id}`, {
        query: { version: file.version },
        schema: OkResponse,
      }),
    onSettled: refresh,
    meta: { silentError: true },
  });
}

/** Drafts a nominee's báo cáo thành tích from the records and files it in the dossier. */
export function useAttachAchievementReport(nominationId: string) {
  const refresh = useRefreshDossier(nominationId);
  return useMutation({
    mutationFn: ({ nomineeId, idempotencyKey }: { nomineeId: string; idempotencyKey: string }) =>
      api.create(`/api/nominations/${nominationId}/nominees/${nomineeId}/achievement-report`, undefined, {
        schema: DossierFile,
        idempotencyKey,
      }),
    onSettled: refresh,
    meta: { silentError: true },
  });
}

/** "Nguyễn Thị Hoa: Biên bản …; Trần Văn Bình: …" — what the dossier lacks, for the submit confirmation. */
export function missingSummary(dossier: DossierChecklist | undefined): string[] {
  if (!dossier) return [];
  return dossier.nominees.flatMap((nominee) => {
    const missing = nominee.items.filter((item) => !item.present).map((item) => item.label);
    return missing.length ? [`${nominee.name}: ${missing.join('; ')}`] : [];
  });
}
