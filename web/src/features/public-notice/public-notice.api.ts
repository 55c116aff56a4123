import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  NoticeCandidateList,
  PublicComment,
  PublicCommentPage,
  PublicNotice,
  PublicNoticePage,
  type PublicNoticeStatus,
} from '../../../../contracts/public-notice.ts';
import { api } from '../../lib/api-client.ts';

export interface NoticeSearch {
  status?: PublicNoticeStatus | undefined;
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** A page of the notices of the user's levels. */
export function useNotices(search: NoticeSearch) {
  return useQuery({
    queryKey: ['public-notice', 'list', search],
    queryFn: ({ signal }) =>
      api.get('/api/public-notices', { query: { ...search }, schema: PublicNoticePage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One notice. */
export function useNotice(id: string) {
  return useQuery({
    queryKey: ['public-notice', 'one', id],
    queryFn: ({ signal }) => api.get(`/api/public-notices/${id}`, { schema: PublicNotice, signal }),
  });
}

/** A page of a notice's comments (every status). */
export function useComments(
  id: string,
  position: { after?: string | undefined; before?: string | undefined; limit: number },
) {
  return useQuery({
    queryKey: ['public-notice', 'comments', id, position],
    queryFn: ({ signal }) =>
      api.get(`/api/public-notices/${id}/comments`, {
        query: { ...position },
        schema: PublicCommentPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The nominees of a tờ trình as candidates for public notice. */
export function useNoticeCandidates(nominationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['public-notice', 'candidates', nominationId],
    queryFn: ({ signal }) =>
      api.get('/api/public-notices/candidates', {
        query: { nominationId },
        schema: NoticeCandidateList,
        signal,
      }),
    enabled,
    // Staff and other levels are refused (403): the button just does not show.
    meta: { silentError: true },
    retry: false,
  });
}

/** Posts nominees for public comment (one idempotency key per opening of the dialog). */
export function usePostNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: { nomineeIds: string[]; noticeText?: string };
      idempotencyKey: string;
    }) =>
      api.create('/api/public-notices', body, {
        schema: z.object({ items: z.array(PublicNotice) }),
        idempotencyKey,
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['public-notice'] });
      client.invalidateQueries({ queryKey: ['nominations'] });
    },
    meta: { silentError: true },
  });
}

/** Withdraws a notice with a reason. */
export function useWithdrawNotice(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      api.post(`/api/public-notices/${id}/withdraw`, body, { schema: PublicNotice }),
    onSuccess: (notice) => {
      client.setQueryData(['public-notice', 'one', id], notice);
      client.invalidateQueries({ queryKey: ['public-notice', 'list'] });
    },
    meta: { silentError: true },
  });
}

/** Answers, publishes or hides a comment. */
export function useModerateComment(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: string;
      action: 'answer' | 'publish' | 'hide';
      body: { version: number; answer?: string };
    }) => api.post(`/api/public-comments/${id}/${action}`, body, { schema: PublicComment }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['public-notice', 'comments', noticeId] });
      client.invalidateQueries({ queryKey: ['public-notice', 'one', noticeId] });
    },
    meta: { silentError: true },
  });
}
