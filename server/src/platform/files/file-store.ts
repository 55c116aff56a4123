import { createHash, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { storedFiles } from './files.schema.ts';
import { createS3Client, type S3Client } from './s3.ts';

export interface FileIn {
  fileName: string;
  contentType: string;
  data: Buffer;
  createdBy: string | null;
}
export interface FileOut {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** Where file bytes go: the database row by default, the S3 bucket when one is configured. */
export interface FileStore {
  readonly storage: 'database' | 's3';
  /** Stores the bytes and the row (in `db`, which may be a transaction); returns the file id. */
  save(db: Database, file: FileIn): Promise<string>;
  /** The file with its bytes, or null when there is no such file. */
  load(db: Database, id: string): Promise<FileOut | null>;
  /**
   * Removes the files' rows, then their objects in the bucket. Call it after the transaction that
   * removed the rows pointing at them has committed (never inside it: a rollback must not lose bytes).
   * The row goes first, so no row ever points at bytes that are gone; an object left by a failed
   * removal is only wasted space.
   */
  delete(db: Database, ids: readonly string[]): Promise<void>;
}

/** The file store the configuration asks for. */
export function createFileStore(config: Config): FileStore {
  const s3: S3Client | null =
    config.TDKT_S3_ENDPOINT &&
    config.TDKT_S3_BUCKET &&
    config.TDKT_S3_ACCESS_KEY_ID &&
    config.TDKT_S3_SECRET_ACCESS_KEY
      ? createS3Client({
          endpoint: config.TDKT_S3_ENDPOINT,
          bucket: config.TDKT_S3_BUCKET,
          region: config.TDKT_S3_REGION,
          accessKeyId: config.TDKT_S3_ACCESS_KEY_ID,
          secretAccessKey: config.TDKT_S3_SECRET_ACCESS_KEY,
        })
      : null;
  return {
    storage: s3 ? 's3' : 'database',
    async save(db, file) {
      const id = randomUUID();
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const objectKey = s3 ? `files/${id}` : null;
      // The object first: a row never points at bytes that were not stored.
      if (s3 && objectKey) await s3.put(objectKey, file.data, file.contentType);
      await db.insert(storedFiles).values({
        id,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.data.length,
        sha256,
        storage: s3 ? 's3' : 'database',
        objectKey,
        data: s3 ? null : file.data,
        createdBy: file.createdBy,
      });
      return id;
    },
    async load(db, id) {
      const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
      if (!row) return null;
      let data = row.data;
      if (row.storage === 's3') {
        if (!s3 || !row.objectKey) throw new Error(`File ${id} is in S3 but no S3 store is configured`);
        data = await s3.get(row.objectKey);
      }
      return {
        id: row.id,
        fileName: row.fileName,
        contentType: row.contentType,
        size: row.size,
        data: data ?? Buffer.alloc(0),
      };
    },
    async delete(db, ids) {
      if (!ids.length) return;
      const removed = await db
        .delete(storedFiles)
        .where(inArray(storedFiles.id, [...ids]))
        .returning({ id: storedFiles.id, storage: storedFiles.storage, objectKey: storedFiles.objectKey });
      for (const row of removed) {
        if (row.storage !== 's3' || !row.objectKey) continue;
        if (!s3) throw new Error(`File ${row.id} is in S3 but no S3 store is configured`);
        await s3.delete(row.objectKey);
      }
    },
  };
}
