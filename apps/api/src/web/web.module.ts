import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { DevTokenController } from './dev-token/dev-token.controller';
import { MeController } from './me/me.controller';
import { PayerDashboardController } from './payer-dashboard/payer-dashboard.controller';
import { PayerDashboardQueries } from './payer-dashboard/payer-dashboard.query';
import { VenueHistoryController } from './venue-history/venue-history.controller';
import { VenueHistoryQuery } from './venue-history/venue-history.query';
import { WebConfigController } from './web-config/web-config.controller';

/** The API side of the web app (apps/web); create-app.ts serves its files (serve-web-app.ts). */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebModule,
      controllers: [
        WebConfigController,
        MeController,
        PayerDashboardController,
        VenueHistoryController,
        ...(config.web.devSignIn ? [DevTokenController] : []),
      ],
      providers: [PayerDashboardQueries, VenueHistoryQuery],
    };
  }
}
