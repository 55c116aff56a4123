import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
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
    transform: (document) => {
      const result = jsonSchemaTransform(document) as { schema: Record<string, unknown>; url: string };
      // Upload routes read their file from the multipart stream: describe it, so clients see the field.
      const consumes = (document.schema as { consumes?: string[] } | undefined)?.consumes;
      if (consumes?.includes('multipart/form-data') && !result.schema.body) {
        result.schema.body = {
          type: 'object',
          required: ['file'],
          properties: { file: { type: 'string', format: 'binary', description: 'Tệp tải lên' } },
        };
      }
      return result;
    },
    transformObject: jsonSchemaTransformObject,
  });
  // The API description and its browser are public (the code is open source); they carry no data.
  // Their routes come from a plugin, so their access is declared here for the whole context.
  await app.register(async (docs) => {
    docs.decorate('routeAccessDefault', 'public');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
}
