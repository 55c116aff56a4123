import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RankingView,
  ScoringSheetView,
  ScoringTablePage,
  ScoringTableView,
  SheetPage,
  TargetsView,
} from '../../../../contracts/bloc-scoring.ts';
import { api, buildUrl, newIdempotencyKey } from '../../lib/api-client.ts';
import { uploadError, uploadFile } from '../../lib/upload.ts';

/** A keyset position in a list. */
export interface Position {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Cache keys of the bloc scoring screens (all under one root, refreshed together after a change). */
export const scoringKeys = {
  all: ['bloc-scoring'] as const,
  table: (id: string) => ['bloc-scoring', 'table', id] as const,
  sheet: (id: string) => ['bloc-scoring', 'sheet', id] as const,
  ranking: (id: string, blocId: string) => ['bloc-scoring', 'ranking', id, blocId] as const,
};

/** One page of the scoring tables the user sees, optionally of one year or council. */
export function useScoringTables(position: Position, filters: { year?: number; councilId?: string }) {
  return useQuery({
    queryKey: ['bloc-scoring', 'list', position, filters],
    queryFn: ({ signal }) =>
      api.get('/api/scoring-tables', {
        query: { ...position, ...filters },
        schema: ScoringTablePage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One table with its criteria, blocs and the user's actions. */
export function useScoringTable(id: string) {
  return useQuery({
    queryKey: scoringKeys.table(id),
    queryFn: ({ signal }) => api.get(`/api/scoring-tables/${id}`, { schema: ScoringTableView, signal }),
  });
}

/** One page of a table's sheets (the units the user may see), optionally of one bloc. */
export function useSheets(tableId: string, position: Position, blocId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['bloc-scoring', 'sheets', tableId, position, blocId],
    enabled,
    queryFn: ({ signal }) =>
      api.get(`/api/scoring-tables/${tableId}/sheets`, {
        query: { ...position, blocId },
        schema: SheetPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One unit's sheet with every criterion, its history and the user's actions. */
export function useSheet(id: string) {
  return useQuery({
    queryKey: scoringKeys.sheet(id),
    queryFn: ({ signal }) => api.get(`/api/scoring-sheets/${id}`, { schema: ScoringSheetView, signal }),
  });
}

/** A bloc's ranking (live until published, then the stored result). */
export function useRanking(tableId: string, blocId: string) {
  return useQuery({
    queryKey: scoringKeys.ranking(tableId, blocId),
    queryFn: ({ signal }) =>
      api.get(`/api/scoring-tables/${tableId}/blocs/${blocId}/ranking`, { schema: RankingView, signal }),
  });
}

/** The targets of a bloc's member units (all of them, or the user's own unit before publication). */
export function useTargets(tableId: string, blocId: string | undefined) {
  return useQuery({
    queryKey: ['bloc-scoring', 'targets', tableId, blocId],
    enabled: !!blocId,
    queryFn: ({ signal }) =>
      api.get(`/api/scoring-tables/${tableId}/targets`, { query: { blocId }, schema: TargetsView, signal }),
  });
}

/** Refreshes every bloc scoring query after a change (or a refused stale one). */
export function useRefreshScoring() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: scoringKeys.all });
}

/** Uploads a file and parses the reply with `schema`, or throws the server's Vietnamese message. */
async function upload<T>(
  url: string,
  file: File,
  csrfToken: string | null,
  parse: (payload: unknown) => T | null,
  idempotencyKey?: string,
): Promise<T> {
  const reply = await uploadFile(url, file, csrfToken, () => undefined, idempotencyKey);
  if (reply.status === 200) {
    const parsed = parse(reply.payload);
    if (parsed) return parsed;
  }
  throw uploadError(reply);
}

/** Replaces a draft table's criteria with those of an XLSX file, at the table's version. */
export function importCriteria(tableId: string, version: number, file: File, csrfToken: string | null) {
  return upload(buildUrl(`/api/scoring-tables/${tableId}/xlsx`, { version }), file, csrfToken, (payload) => {
    const parsed = ScoringTableView.safeParse(payload);
    return parsed.success ? parsed.data : null;
  });
}

/** Attaches an evidence file to one criterion of a sheet at the sheet's version, one idempotency key per upload; returns the sheet. */
export function uploadScoringEvidence(
  sheet: { id: string; version: number },
  criterionId: string,
  file: File,
  csrfToken: string | null,
) {
  return upload(
    buildUrl(`/api/scoring-sheets/${sheet.id}/entries/${criterionId}/evidence`, { version: sheet.version }),
    file,
    csrfToken,
    (payload) => {
      const parsed = ScoringSheetView.safeParse(payload);
      return parsed.success ? parsed.data : null;
    },
    newIdempotencyKey(),
  );
}
