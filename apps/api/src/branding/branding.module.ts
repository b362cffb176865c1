import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { MAX_LOGO_BYTES } from './logo-check';
import { PayerBrandingController } from './payer-branding.controller';
import { PayerBrandingService } from './payer-branding.service';

/**
 * Payers' display names and logos (their own `payer-branding-<siren>` streams). The logo arrives
 * as the raw body, so it needs no base64 inflation past the service's JSON body limit.
 */
/** Global: printing a carnet (programmes/print-book) reads the payer's name and logo. */
@Global()
@Module({
  controllers: [PayerBrandingController],
  providers: [PayerBrandingService],
  exports: [PayerBrandingService],
})
export class BrandingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(raw({ type: ['image/png', 'image/svg+xml'], limit: MAX_LOGO_BYTES }))
      .forRoutes({ path: 'v1/payers/:siren/logo', method: RequestMethod.PUT });
  }
}
