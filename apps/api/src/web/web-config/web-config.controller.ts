import { Controller, Get, Header, Inject, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/auth.decorators';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { ProblemException } from '../../problems/problem.exception';

const LOGO_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export const BRAND_LOGO_URL = '/v1/web/brand-logo';

/** What the web app needs before anyone signs in: the deployment's brand and how to sign in. */
@ApiTags('web')
@Controller('v1/web')
export class WebConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get('config')
  @Header('Cache-Control', 'no-cache')
  webConfig() {
    const { web, brandName } = this.config;
    return {
      brand: {
        name: brandName,
        color: web.brandColor,
        logoUrl: web.brandLogoPath ? BRAND_LOGO_URL : null,
      },
      oidc: web.oidc
        ? { issuer: web.oidc.issuerUrl, clientId: web.oidc.clientId, scope: web.oidc.scope }
        : null,
      devSignIn: web.devSignIn,
    };
  }

  @Public()
  @Get('brand-logo')
  @Header('Cache-Control', 'public, max-age=3600')
  brandLogo(@Res({ passthrough: true }) reply: FastifyReply): StreamableFile {
    const path = this.config.web.brandLogoPath;
    if (!path) throw new ProblemException('route.not-found', 'no BRAND_LOGO_PATH is configured');
    // An SVG opened directly must not run scripts it might carry.
    reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    reply.header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(createReadStream(path), { type: LOGO_TYPES[extname(path).toLowerCase()] });
  }
}
