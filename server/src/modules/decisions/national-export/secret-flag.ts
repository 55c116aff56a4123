import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { NominationSecretBody, NominationSecretReply } from '#contracts/decision-nominees.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import { inScope, WRITE_ROLES } from '#server/modules/organisation/organisation.policy.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nominations } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../decisions.policy.ts';
import { loadNominationForExport } from './national-documents.ts';

const NOMINATION = { subject: 'Tờ trình này', notFound: 'Không tìm thấy tờ trình.' };

/**
 * Marks a tờ trình's dossier secret (mật) or not, at its version: the proposing unit's officers and
 * the receiving level's (once it was sent) decide; a secret dossier is never exported (audited).
 */
export async function setNominationSecret(
  db: Database,
  caller: Caller,
  id: string,
  body: { secret: boolean; version: number },
) {
  const data = await loadNominationForExport(db, id);
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  const receiving = data.nomination.status !== 'draft' && inScope(scope, data.receivingPath);
  if (!inScope(scope, data.unit.path) && !receiving) throw new AppError('OUT_OF_SCOPE');
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(nominations)
      .set({ secret: body.secret, ...nextVersion(nominations, caller.actor) })
      .where(atVersion(nominations, id, body.version))
      .returning();
    const row = await versionedRow(tx, rows, nominations, id, NOMINATION);
    await recordAudit(tx, caller.actor, {
      action: 'nomination.secret',
      entityType: 'nomination',
      entityId: id,
      // Named `classified`: the audit trail drops any key that reads like a credential ("secret").
      before: { classified: data.nomination.secret, version: data.nomination.version },
      after: { classified: row.secret, version: row.version },
    });
    return { secret: row.secret, version: row.version };
  });
}

/** PUT /api/nominations/:id/secret. */
export function registerSecretFlagRoute(app: FastifyInstance, { db }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    '/api/nominations/:id/secret',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags: ['decisions'],
        summary: 'Đánh dấu hồ sơ tờ trình có nội dung mật (không xuất hồ sơ điện tử)',
        params: IdParams,
        body: NominationSecretBody,
        response: {
          200: NominationSecretReply,
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    (request) => setNominationSecret(db, callerOf(request), request.params.id, request.body),
  );
}
