import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { appVersion } from '../version.ts';

/** OpenAPI generated from the routes' zod contracts, browsable at /api/docs (public). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'TĐKT API',
        description:
          'API của hệ thống quản lý thi đua, khen thưởng. Các yêu cầu thay đổi dữ liệu cần header x-csrf-token.',
        version: appVersion,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tdkt_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API description and its browser are public (the code is open source); they carry no data.
  // Their routes come from a plugin, so their access is declared here for the whole context.
  await app.register(async (docs) => {
    docs.decorate('routeAccessDefault', 'public');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
}
