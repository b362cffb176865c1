import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

export const WEB_APP_PREFIX = '/app';

const NOT_BUILT = "L'application web n'est pas construite : lancez npm run build:web (ou npm start).";

/**
 * Serves the Vite build under /app/ from this process (no second server). Hashed assets are cached
 * for good; index.html and the service worker are revalidated so that a deploy reaches phones.
 * Any other /app/* path without a file extension is a page of the single-page app: it gets
 * index.html; a missing file is a 404 (the API's problem answer), not the app's page.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const { distDir } = config.web;
  const assets = join(distDir, 'assets');
  const securityPolicy = contentSecurityPolicy(config);
  // serve: false: the route below answers, so that pages fall back to index.html.
  await app.register(fastifyStatic, {
    root: distDir,
    serve: false,
    cacheControl: false,
    setHeaders(response, path) {
      const immutable = path.startsWith(assets);
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const page = (request: FastifyRequest<{ Params: { '*'?: string } }>, reply: FastifyReply) => {
    // The router ignores trailing slashes (create-app.ts): /app/ can arrive on the /app route.
    if (request.url.split('?')[0] === WEB_APP_PREFIX) return reply.redirect(`${WEB_APP_PREFIX}/`, 301);
    reply
      .header('Content-Security-Policy', securityPolicy)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer');
    const path = request.params['*'] ?? '';
    if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(path);
    if (!existsSync(join(distDir, 'index.html')))
      return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    return reply.sendFile('index.html');
  };
  fastify.get(WEB_APP_PREFIX, page);
  fastify.get(`${WEB_APP_PREFIX}/*`, page);
}

/** Tokens live in the page's memory and sessionStorage: keep other scripts out. */
function contentSecurityPolicy(config: AppConfig): string {
  const issuer = config.web.oidc ? ` ${new URL(config.web.oidc.issuerUrl).origin}` : '';
  return [
    "default-src 'self'",
    `connect-src 'self'${issuer}`,
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    `form-action 'self'${issuer}`,
  ].join('; ');
}
