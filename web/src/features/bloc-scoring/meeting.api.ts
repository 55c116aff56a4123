import { useQuery } from '@tanstack/react-query';
import {
  BlocMeetingView,
  type Proposal,
  type PublishMeetingBody,
} from '../../../../contracts/bloc-scoring-meeting.ts';
import { api } from '../../lib/api-client.ts';

/** The meeting's record as the publish form keeps it until the head publishes. */
export type MeetingDraft = Pick<
  PublishMeetingBody,
  'presentUnitIds' | 'nextHeadUnitId' | 'nextDeputyUnitId'
> & {
  /** Each proposal with a key of its own row in the form. */
  proposals: (Proposal & { key: string })[];
};

/** The meeting's record as the publish request sends it. */
export function meetingBody(draft: MeetingDraft) {
  return { ...draft, proposals: draft.proposals.map(({ unitId, award }) => ({ unitId, award })) };
}

/** An empty meeting record: no one marked present yet, no proposals, no head chosen. */
export const emptyMeeting: MeetingDraft = {
  presentUnitIds: [],
  proposals: [],
  nextHeadUnitId: null,
  nextDeputyUnitId: null,
};

/** The bloc meeting's record: quotas with this bloc's limits before publication, the whole record and the user's actions after. */
export function useBlocMeeting(tableId: string, blocId: string) {
  return useQuery({
    queryKey: ['bloc-scoring', 'meeting', tableId, blocId],
    queryFn: ({ signal }) =>
      api.get(`/api/scoring-tables/${tableId}/blocs/${blocId}/meeting`, { schema: BlocMeetingView, signal }),
  });
}
