import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  StatisticsFormSummary,
  type StatisticsManualBody,
  StatisticsRecordPage,
  StatisticsReport,
} from '../../../../contracts/statistics.ts';
import type { CursorPosition } from '../../components/cursor-pager.tsx';
import { api } from '../../lib/api-client.ts';

const FormList = z.object({ items: z.array(StatisticsFormSummary) });
const ManualReply = z.object({ value: z.number(), version: z.number() });

/** What the page shows: a form, a statistical year and a unit. */
export interface StatisticsChoice {
  code: string;
  year: number;
  unitId: string | undefined;
}

/** The forms in force for a statistical year. */
export function useStatisticsForms(year: number) {
  return useQuery({
    queryKey: ['statistics', 'forms', year],
    queryFn: ({ signal }) => api.get('/api/statistics/forms', { query: { year }, schema: FormList, signal }),
  });
}

/** A form filled for the unit's subtree and the year. */
export function useStatisticsReport(choice: StatisticsChoice) {
  return useQuery({
    queryKey: ['statistics', 'report', choice],
    queryFn: ({ signal }) =>
      api.get(`/api/statistics/forms/${choice.code}`, {
        query: { year: choice.year, unitId: choice.unitId },
        schema: StatisticsReport,
        signal,
      }),
    enabled: Boolean(choice.code && choice.unitId),
    placeholderData: keepPreviousData,
  });
}

/** One page of the records behind a cell. */
export function useCellRecords(
  choice: StatisticsChoice,
  cell: { row: string; column: string } | null,
  position: CursorPosition,
) {
  return useQuery({
    queryKey: ['statistics', 'records', choice, cell, position],
    queryFn: ({ signal }) =>
      api.get(`/api/statistics/forms/${choice.code}/records`, {
        query: { year: choice.year, unitId: choice.unitId, ...cell, ...position },
        schema: StatisticsRecordPage,
        signal,
      }),
    enabled: cell !== null,
    placeholderData: keepPreviousData,
  });
}

/** Stores the unit's own figure of a typed cell and refreshes the form. */
export function useSaveManualCell(code: string) {
  const client = useQueryClient();
  return async (body: StatisticsManualBody) => {
    const saved = await api.put(`/api/statistics/forms/${code}/manual-cells`, body, { schema: ManualReply });
    await client.invalidateQueries({ queryKey: ['statistics', 'report'] });
    return saved;
  };
}
