import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** One measured endpoint. */
export interface EndpointFigures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Runs autocannon against one URL on loopback for a bounded time. With `paths`, each connection
 * cycles through those paths (of the URL's server) instead, so no two requests in a row are the
 * same: what a cache of identical requests would answer is not what is measured.
 */
export async function measure(
  name: string,
  url: string,
  options: {
    headers?: Record<string, string>;
    seconds?: number;
    connections?: number;
    paths?: readonly string[];
  } = {},
): Promise<EndpointFigures> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 10,
    duration: options.seconds ?? Number(process.env.TDKT_BENCH_SECONDS ?? 8),
    headers: options.headers ?? {},
    ...(options.paths?.length
      ? { requests: options.paths.map((path) => ({ method: 'GET', path, headers: options.headers ?? {} })) }
      : {}),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Resident memory of a process in MB, from /proc. */
export function residentMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}
