import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Report,
  type ReportBucket,
  ReportListPage,
  ReportRequest,
  ReportSources,
  RequestPage,
  SupervisedReportPage,
  TemplatePage,
} from '../../../../contracts/reports.ts';
import { api } from '../../lib/api-client.ts';

/** A keyset position in a list. */
export interface Position {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Cache keys of the reports feature. */
export const reportKeys = {
  all: ['reports'] as const,
  request: (id: string) => ['reports', 'request', id] as const,
  report: (id: string) => ['reports', 'report', id] as const,
};

/** One page of requests: those made in the user's scope, or those the user's units must answer. */
export function useRequests(role: 'made' | 'asked', position: Position, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['reports', 'requests', role, position],
    queryFn: ({ signal }) =>
      api.get('/api/report-requests', { query: { role, ...position }, schema: RequestPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One request with its dashboard counts; read again every second while a job is still sending it. */
export function useRequest(id: string) {
  return useQuery({
    queryKey: reportKeys.request(id),
    queryFn: ({ signal }) => api.get(`/api/report-requests/${id}`, { schema: ReportRequest, signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.sending?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
}

/** The drill-down: one page of a request's reports, optionally of one bucket. */
export function useRequestReports(id: string, bucket: ReportBucket | undefined, position: Position) {
  return useQuery({
    queryKey: ['reports', 'request-reports', id, bucket, position],
    queryFn: ({ signal }) =>
      api.get(`/api/report-requests/${id}/reports`, {
        query: { bucket, ...position },
        schema: ReportListPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One report. */
export function useReport(id: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(id),
    queryFn: ({ signal }) => api.get(`/api/reports/${id}`, { schema: Report, signal }),
    enabled: enabled && Boolean(id),
  });
}

/** Each source unit's figures of a consolidated report. */
export function useReportSources(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'sources', id],
    queryFn: ({ signal }) => api.get(`/api/reports/${id}/sources`, { schema: ReportSources, signal }),
    enabled,
  });
}

/** The templates a request of the unit may use: its own and those of the units above it. */
export function useTemplates(forUnitId: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'templates', 'for', forUnitId],
    queryFn: ({ signal }) =>
      api.get('/api/report-templates', { query: { forUnitId, limit: 100 }, schema: TemplatePage, signal }),
    enabled: Boolean(forUnitId),
  });
}

/** One page of the reports of the units of the blocs the user supervises (council members). */
export function useSupervisedReports(position: Position, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'supervised', position],
    queryFn: ({ signal }) =>
      api.get('/api/reports/supervised', { query: { ...position }, schema: SupervisedReportPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One page of the templates of the units in the user's scope, by name. */
export function useTemplatePage(position: Position) {
  return useQuery({
    queryKey: ['reports', 'templates', 'page', position],
    queryFn: ({ signal }) =>
      api.get('/api/report-templates', { query: { ...position }, schema: TemplatePage, signal }),
    placeholderData: keepPreviousData,
  });
}
