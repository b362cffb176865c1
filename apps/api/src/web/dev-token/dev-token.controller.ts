import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { signDevelopmentToken } from '../../auth/token-signer';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { DevTokenRequest } from './dev-token.request';

const LIFETIME_SECONDS = 8 * 3600;

/**
 * The web app's development sign-in: anyone may be anyone. WebModule mounts this controller only
 * outside production, without an OIDC provider, when tokens are signed with a shared secret.
 */
@ApiTags('web')
@Controller('v1/dev/token')
export class DevTokenController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Post()
  @HttpCode(200)
  async token(@Body() request: DevTokenRequest) {
    const secret = this.config.auth.jwtSecret as string;
    const token = await signDevelopmentToken(secret, request, `${LIFETIME_SECONDS}s`);
    return { token, tokenType: 'Bearer', expiresIn: LIFETIME_SECONDS };
  }
}
