import { useQuery } from '@tanstack/react-query';
import { HealthResponse } from '../../../../contracts/health.ts';
import { api } from '../../lib/api-client.ts';

/** Version of the application and the database engine it runs on. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get('/api/health', { schema: HealthResponse, signal }),
    staleTime: 10 * 60_000,
  });
}
