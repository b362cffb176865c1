import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

export const WEB_APP_PREFIX = '/app';

/**
 * Serves the Vite build under /app/ from this process (no second server). Hashed assets are cached
 * for good; index.html and the service worker are revalidated so that a deploy reaches phones.
 * Any other /app/* path is a page of the single-page app: it gets index.html.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const { distDir } = config.web;
  const index = join(distDir, 'index.html');
  const securityPolicy = contentSecurityPolicy(config);
  app.use(WEB_APP_PREFIX, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.originalUrl === WEB_APP_PREFIX) return response.redirect(301, `${WEB_APP_PREFIX}/`);
    response.setHeader('Content-Security-Policy', securityPolicy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.useStaticAssets(distDir, {
    prefix: `${WEB_APP_PREFIX}/`,
    index: false,
    setHeaders(response, path) {
      const immutable = path.includes(`${join(distDir, 'assets')}`);
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(WEB_APP_PREFIX, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // A missing asset is a 404, not the app's page.
    if (/\.[a-z0-9]+$/i.test(request.path)) return next();
    if (!existsSync(index))
      return response
        .status(503)
        .type('text/plain; charset=utf-8')
        .send("L'application web n'est pas construite : lancez npm run build:web (ou npm start).");
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
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
