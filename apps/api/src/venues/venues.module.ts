import { Module } from '@nestjs/common';
import { CertifyVenueController } from './certify-venue/certify-venue.controller';
import { CertifyVenueHandler, SuspendVenueCertificationHandler } from './certify-venue/certify-venue.handler';
import { RegisterVenueController } from './register-venue/register-venue.controller';
import { RegisterVenueHandler } from './register-venue/register-venue.handler';
import { SetVenueBankAccountController } from './set-bank-account/set-bank-account.controller';
import { SetVenueBankAccountHandler } from './set-bank-account/set-bank-account.handler';

@Module({
  controllers: [RegisterVenueController, CertifyVenueController, SetVenueBankAccountController],
  providers: [
    RegisterVenueHandler,
    CertifyVenueHandler,
    SuspendVenueCertificationHandler,
    SetVenueBankAccountHandler,
  ],
})
export class VenuesModule {}
