import { Body, Controller, Delete, Get, Headers, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../http/id-param';
import { ProblemException } from '../problems/problem.exception';
import { checkLogo } from './logo-check';
import { PayerBrandingService } from './payer-branding.service';
import { SetPayerDisplayNameRequest } from './payer-branding.request';

/** A payer's display name and logo, shown on its dashboard and printed on its carnets. */
@ApiTags('payers')
@ApiBearerAuth()
@Controller('v1/payers/:siren')
export class PayerBrandingController {
  constructor(private readonly branding: PayerBrandingService) {}

  @Get('branding')
  @Roles('payer', 'admin')
  get(@CurrentActor() actor: Actor, @IdParam('siren') payerId: string) {
    return this.branding.view(actor, payerId);
  }

  @Put('branding')
  @Roles('payer', 'admin')
  setDisplayName(
    @CurrentActor() actor: Actor,
    @IdParam('siren') payerId: string,
    @Body() request: SetPayerDisplayNameRequest,
  ) {
    return this.branding.setDisplayName(actor, payerId, request.displayName);
  }

  /** The image itself as the body (image/png or image/svg+xml, at most 100 kB). */
  @Put('logo')
  @Roles('payer', 'admin')
  @ApiConsumes('image/png', 'image/svg+xml')
  setLogo(
    @CurrentActor() actor: Actor,
    @IdParam('siren') payerId: string,
    @Req() request: FastifyRequest,
    @Headers('content-type') contentType?: string,
  ) {
    const body: unknown = request.body;
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const checked = checkLogo(bytes, contentType);
    if (!checked.ok) {
      const code =
        checked.reason === 'too-large'
          ? 'request.too-large'
          : checked.reason === 'unsupported-type'
            ? 'request.unsupported-media-type'
            : 'request.invalid';
      throw new ProblemException(code, checked.detail);
    }
    return this.branding.setLogo(actor, payerId, checked.mediaType, bytes);
  }

  @Delete('logo')
  @Roles('payer', 'admin')
  removeLogo(@CurrentActor() actor: Actor, @IdParam('siren') payerId: string) {
    return this.branding.removeLogo(actor, payerId);
  }

  @Get('logo')
  @Roles('payer', 'admin')
  @ApiProduces('image/png', 'image/svg+xml')
  async logo(
    @CurrentActor() actor: Actor,
    @IdParam('siren') payerId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { mediaType, content } = await this.branding.logo(actor, payerId);
    reply.header('Cache-Control', 'private, no-cache');
    // Checked at upload; a second guard should an SVG be opened on its own.
    reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    reply.header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: mediaType });
  }
}
