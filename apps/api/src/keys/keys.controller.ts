import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SigningKeyRing } from '@pass/vouchers';
import { Public } from '../auth/auth.decorators';

/** The public keys, as a JWK set, so that scanners can check QR signatures offline. */
@ApiTags('vouchers')
@Controller('v1/keys')
export class KeysController {
  constructor(private readonly ring: SigningKeyRing) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  keys() {
    return { activeKeyId: this.ring.activeKeyId, keys: this.ring.publicKeys() };
  }
}
