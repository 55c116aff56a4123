import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Catalogue } from '../../../../contracts/award-admin.ts';
import { CandidatePage, RecordEligibility } from '../../../../contracts/award-eligibility.ts';
import { PersonAwardRecords, UnitAwardRecords } from '../../../../contracts/award-records.ts';
import type { AwardCode } from '../../../../contracts/awards.ts';
import { api } from '../../lib/api-client.ts';

/** The award catalogue of one rule set (the one in force today when none is named). */
export function useCatalogue(ruleSet: string | undefined) {
  return useQuery({
    queryKey: ['awards', 'catalogue', ruleSet ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/awards/catalogue', { query: { ruleSet }, schema: Catalogue, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A person's ratings, discipline, titles and awards, initiatives. */
export function usePersonAwardRecords(id: string) {
  return useQuery({
    queryKey: ['awards', 'person-records', id],
    queryFn: ({ signal }) =>
      api.get(`/api/persons/${id}/award-records`, { schema: PersonAwardRecords, signal }),
  });
}

/** A unit's ratings and awards. */
export function useUnitAwardRecords(id: string) {
  return useQuery({
    queryKey: ['awards', 'unit-records', id],
    queryFn: ({ signal }) => api.get(`/api/units/${id}/award-records`, { schema: UnitAwardRecords, signal }),
  });
}

export interface CandidateSearch {
  unitId?: string | undefined;
  award: AwardCode;
  year: number;
  show: 'candidates' | 'all';
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** One page of the candidates of a unit's subtree. */
export function useCandidates(search: CandidateSearch) {
  const { unitId, ...query } = search;
  return useQuery({
    queryKey: ['awards', 'candidates', search],
    queryFn: ({ signal }) =>
      api.get(`/api/units/${unitId}/candidates`, { query: { ...query }, schema: CandidatePage, signal }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

/** The eligibility of one person or unit for an award and year, with every check and its article. */
export function useEligibility(
  subject: { kind: 'individual' | 'collective'; id: string } | null,
  award: AwardCode,
  forYear: number,
) {
  return useQuery({
    queryKey: ['awards', 'eligibility', subject, award, forYear],
    queryFn: ({ signal }) =>
      api.get(`/api/${subject?.kind === 'collective' ? 'units' : 'persons'}/${subject?.id}/eligibility`, {
        query: { award, forYear },
        schema: RecordEligibility,
        signal,
      }),
    enabled: Boolean(subject),
  });
}
