import { Global, Module } from '@nestjs/common';
import { PayerBrandingController } from './payer-branding.controller';
import { PayerBrandingService } from './payer-branding.service';

/**
 * Payers' display names and logos (their own `payer-branding-<siren>` streams). The logo arrives
 * as the raw body (logo-body-parser.ts), so it needs no base64 inflation past the JSON body limit.
 */
/** Global: printing a carnet (programmes/print-book) reads the payer's name and logo. */
@Global()
@Module({
  controllers: [PayerBrandingController],
  providers: [PayerBrandingService],
  exports: [PayerBrandingService],
})
export class BrandingModule {}
