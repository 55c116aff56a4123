import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AppraisalOpinion,
  NominationAppraisal,
  type SaveAppraisalBody,
} from '../../../../../contracts/nomination-appraisal.ts';
import { Nomination } from '../../../../../contracts/nominees.ts';
import { api } from '../../../lib/api-client.ts';

const key = (id: string) => ['nominations', 'appraisal', id];

/** The appraisal view of a received tờ trình (verdicts, warnings, opinions). */
export function useAppraisal(id: string) {
  return useQuery({
    queryKey: key(id),
    queryFn: ({ signal }) =>
      api.get(`/api/nominations/${id}/appraisal`, { schema: NominationAppraisal, signal }),
  });
}

/** Saves the opinion on one nominee at the version shown (none for the first save). */
export function useSaveAppraisal(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ nomineeId, body }: { nomineeId: string; body: SaveAppraisalBody }) =>
      api.put(`/api/nominees/${nomineeId}/appraisal`, body, { schema: AppraisalOpinion }),
    onSuccess: () => client.invalidateQueries({ queryKey: key(id) }),
    meta: { silentError: true },
  });
}

/** "Hoàn tất thẩm định" at the tờ trình's version. */
export function useFinishAppraisal(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api.post(`/api/nominations/${id}/appraise`, { version }, { schema: Nomination }),
    onSuccess: (nomination) => {
      client.setQueryData(['nominations', 'nomination', id], nomination);
      client.invalidateQueries({ queryKey: key(id) });
      client.invalidateQueries({ queryKey: ['nominations', 'round-nominations'] });
    },
    meta: { silentError: true },
  });
}
