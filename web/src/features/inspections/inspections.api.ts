import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { InspectionPage, InspectionView, TargetPage, TargetView } from '../../../../contracts/inspections.ts';
import { api, buildUrl } from '../../lib/api-client.ts';
import { uploadError, uploadFile } from '../../lib/upload.ts';

/** A keyset position in a list. */
export interface Position {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Cache keys of the inspections. */
export const inspectionKeys = {
  all: ['inspections'] as const,
  plan: (id: string) => ['inspections', 'plan', id] as const,
  target: (id: string) => ['inspections', 'target', id] as const,
};

/** One page of the plans the user sees, newest year first. */
export function useInspections(position: Position) {
  return useQuery({
    queryKey: ['inspections', 'list', position],
    queryFn: ({ signal }) =>
      api.get('/api/inspections', { query: { ...position }, schema: InspectionPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One plan with its team and the user's actions. */
export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.plan(id),
    queryFn: ({ signal }) => api.get(`/api/inspections/${id}`, { schema: InspectionView, signal }),
  });
}

/** One page of a plan's targets by inspection day. */
export function useTargets(id: string, position: Position) {
  return useQuery({
    queryKey: ['inspections', 'targets', id, position],
    queryFn: ({ signal }) =>
      api.get(`/api/inspections/${id}/targets`, { query: { ...position }, schema: TargetPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One target with findings, remedies and follow-up. */
export function useTarget(id: string) {
  return useQuery({
    queryKey: inspectionKeys.target(id),
    queryFn: ({ signal }) => api.get(`/api/inspection-targets/${id}`, { schema: TargetView, signal }),
  });
}

/** Refreshes every inspection query after a change (or a refused stale one). */
export function useRefreshInspections() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: inspectionKeys.all });
}

/** Uploads the evidence of a remedy at its version and returns the target. */
export async function uploadEvidence(
  remedyId: string,
  version: number,
  file: File,
  csrfToken: string | null,
) {
  const reply = await uploadFile(
    buildUrl(`/api/inspection-remedies/${remedyId}/evidence`, { version }),
    file,
    csrfToken,
    () => undefined,
  );
  if (reply.status === 200) {
    const parsed = TargetView.safeParse(reply.payload);
    if (parsed.success) return parsed.data;
  }
  throw uploadError(reply);
}
