import type { FastifyInstance } from 'fastify';
import { isApiPattern } from '../auth/access.ts';

/**
 * Headers every reply carries: the request id, and `Cache-Control: no-store` on every API reply
 * (and every 404) unless the matched route declares its own `config.cacheControl`. Decided on the
 * route that matched, never on the URL text; the web app's own files keep their caching.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const { cacheControl } = request.routeOptions.config;
    if (cacheControl) reply.header('cache-control', cacheControl);
    else if (request.is404 || isApiPattern(request.routeOptions.url))
      reply.header('cache-control', 'no-store');
  });
}

/**
 * Warns once, on the first request that carries `x-forwarded-for`, when the proxy is not trusted:
 * every user then shares the proxy's address, so sign-in throttling by address cannot tell them apart.
 */
export function warnAboutUntrustedProxy(app: FastifyInstance, trustProxy: boolean): void {
  if (trustProxy) return;
  let warned = false;
  app.addHook('onRequest', async (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return;
    warned = true;
    app.log.warn(
      { remoteAddress: request.ip },
      'Yêu cầu có x-forwarded-for nhưng TDKT_TRUST_PROXY chưa bật: mọi người dùng sau proxy bị coi là một địa chỉ. / Requests carry x-forwarded-for but TDKT_TRUST_PROXY is not true: every user behind the proxy shares one address.',
    );
  });
}
