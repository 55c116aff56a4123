import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FundLedger } from '../../../../contracts/decision-fund.ts';
import { DecisionPage, DecisionView, RecipientPage } from '../../../../contracts/decisions.ts';
import { api } from '../../lib/api-client.ts';

export interface DecisionSearch {
  unitId?: string | undefined;
  status?: 'draft' | 'issued' | 'revoked' | undefined;
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** One page of decisions the user may read. */
export function useDecisions(search: DecisionSearch) {
  return useQuery({
    queryKey: ['decisions', 'list', search],
    queryFn: ({ signal }) =>
      api.get('/api/decisions', { query: { ...search }, schema: DecisionPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One decision with its totals and allowed actions. */
export function useDecision(id: string) {
  return useQuery({
    queryKey: ['decisions', 'one', id],
    queryFn: ({ signal }) => api.get(`/api/decisions/${id}`, { schema: DecisionView, signal }),
  });
}

/** One page of a decision's recipients. */
export function useRecipients(
  id: string,
  position: { after?: string | undefined; before?: string | undefined; limit: number },
) {
  return useQuery({
    queryKey: ['decisions', 'recipients', id, position],
    queryFn: ({ signal }) =>
      api.get(`/api/decisions/${id}/recipients`, { query: { ...position }, schema: RecipientPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A unit's fund ledger for a year. */
export function useFund(search: {
  unitId?: string | undefined;
  year: number;
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}) {
  return useQuery({
    queryKey: ['fund', search],
    queryFn: ({ signal }) => api.get('/api/fund', { query: { ...search }, schema: FundLedger, signal }),
    enabled: Boolean(search.unitId),
    placeholderData: keepPreviousData,
  });
}

/** "2.340.000 đ". */
export const formatMoney = (amount: number | null | undefined): string =>
  amount === null || amount === undefined ? '—' : `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
