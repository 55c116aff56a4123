import type { Database } from '#server/platform/db/client.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { dossierParts } from './dossier-parts.ts';

/** One file of the national export ZIP: its path inside the archive and its bytes. */
export interface ZipPart {
  /** Path inside the ZIP, e.g. `ho-so/bao-cao-thanh-tich-01.pdf`. */
  path: string;
  data: Buffer;
  /** What it is, as the manifest names it (e.g. `bao_cao_thanh_tich`, `bien_ban`). */
  kind: string;
  /** The nominee it belongs to, when it is one nominee's. */
  nomineeId?: string | null;
  /** Our stable id of the stored file, when it comes from the file store. */
  fileId?: string | null;
}

/** What a provider of extra files receives: the tờ trình and its nominees (in list order). */
export interface ZipPartContext {
  nominationId: string;
  nomineeIds: readonly string[];
  /** Where stored files' bytes are read from (null: no stored file is added). */
  files: FileStore | null;
}

/** A function that adds files to the ZIP of a tờ trình (e.g. the dossier's báo cáo and biên bản). */
export type ZipPartProvider = (db: Database, context: ZipPartContext) => Promise<ZipPart[]>;

// The tờ trình's own dossier files always go in; other modules may plug in more.
const providers: ZipPartProvider[] = [dossierParts];

/**
 * Plugs a provider of extra files into every national export: the dossier module registers here the
 * stored files of a tờ trình (its báo cáo thành tích, biên bản, proofs). Files a provider gives are
 * listed in the manifest with their kind, nominee and file id.
 */
export function registerZipParts(provider: ZipPartProvider): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** The extra files of a tờ trình from every registered provider, in registration order. */
export async function collectZipParts(db: Database, context: ZipPartContext): Promise<ZipPart[]> {
  const parts: ZipPart[] = [];
  for (const provider of providers) parts.push(...(await provider(db, context)));
  return parts;
}

/** For tests: removes a provider registered with `registerZipParts`. */
export function unregisterZipParts(provider: ZipPartProvider): void {
  const index = providers.indexOf(provider);
  if (index >= 0) providers.splice(index, 1);
}
