import type { z } from 'zod';
import type { Database } from '../db/client.ts';
import type { FileStore } from '../files/file-store.ts';

/** What a job's code receives. */
export interface JobContext<Payload> {
  db: Database;
  files: FileStore;
  payload: Payload;
  job: { id: string; createdBy: string | null; attempt: number };
  /** Records how far the job is (0–100) and a Vietnamese line saying what is happening. */
  progress(percent: number, message: string): Promise<void>;
}

/** What a finished job leaves: a file to download, a small JSON result, a closing message. */
export interface JobOutcome {
  file?: { fileName: string; contentType: string; data: Buffer };
  result?: Record<string, unknown>;
  message?: string;
}

/** One kind of long work a module offers. */
export interface JobKind<Payload = unknown> {
  /** `module.work`, unique. */
  kind: string;
  /** Checked again when the job runs (a payload stored by an older version may no longer fit). */
  payload: z.ZodType<Payload>;
  /** Attempts before the job is failed for good (default 3); a JobFailure fails it at once. */
  maxAttempts?: number;
  run(context: JobContext<Payload>): Promise<JobOutcome>;
}

/** Thrown by a job for a failure retrying cannot mend; its Vietnamese message is shown to the user. */
export class JobFailure extends Error {}

export interface JobRegistry {
  register<Payload>(kind: JobKind<Payload>): void;
  get(kind: string): JobKind | undefined;
  kinds(): string[];
}

export function createJobRegistry(): JobRegistry {
  const kinds = new Map<string, JobKind>();
  return {
    register(kind) {
      if (kinds.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is registered twice`);
      kinds.set(kind.kind, kind as JobKind);
    },
    get: (kind) => kinds.get(kind),
    kinds: () => [...kinds.keys()],
  };
}
