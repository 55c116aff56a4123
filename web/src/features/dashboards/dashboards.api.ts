import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AwardsDashboard,
  type DashboardSection,
  type DashboardSettingsBody,
  DashboardSettingsView,
  FairnessDashboard,
  MovementsDashboard,
  ReportsDashboard,
} from '../../../../contracts/dashboards.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';

/** What each section's route answers. */
interface Views {
  movements: MovementsDashboard;
  reports: ReportsDashboard;
  awards: AwardsDashboard;
  fairness: FairnessDashboard;
}

const schemas: { [K in DashboardSection]: z.ZodType<Views[K]> } = {
  movements: MovementsDashboard,
  reports: ReportsDashboard,
  awards: AwardsDashboard,
  fairness: FairnessDashboard,
};

/** One section of the dashboard of a unit's subtree for a year. */
export function useDashboard<K extends DashboardSection>(
  section: K,
  unitId: string | undefined,
  year: number,
) {
  return useQuery({
    queryKey: ['dashboards', section, unitId, year],
    queryFn: ({ signal }) =>
      api.get(`/api/dashboards/${unitId}/${section}`, {
        query: { year },
        schema: schemas[section],
        signal,
      }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

/** Saves a unit's fairness thresholds and refreshes the dashboards. */
export function useSaveSettings(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DashboardSettingsBody) =>
      api.put(`/api/dashboards/${unitId}/settings`, body, { schema: DashboardSettingsView }),
    onSettled: () => client.invalidateQueries({ queryKey: ['dashboards'] }),
  });
}

/** Downloads the tables of a section as XLSX. */
export function downloadSection(unitId: string, section: DashboardSection, year: number) {
  return downloadFile(
    `/api/dashboards/${unitId}/${section}/xlsx`,
    { year },
    `bieu-do-${section}-${year}.xlsx`,
  );
}
