import { Module } from '@nestjs/common';
import { CertifyVenueController } from './certify-venue/certify-venue.controller';
import { ChangeVenueIdentityController } from './change-identity/change-identity.controller';
import { ChangeVenueHandler } from './change-venue.command';
import { GetVenueController } from './get-venue/get-venue.controller';
import { LocationsController } from './locations/locations.controller';
import { MembersController } from './members/members.controller';
import { RegisterVenueController } from './register-venue/register-venue.controller';
import { RegisterVenueHandler } from './register-venue/register-venue.handler';
import { ServicesController } from './services/services.controller';
import { SetVenueBankAccountController } from './set-bank-account/set-bank-account.controller';
import { SetVenueBankAccountHandler } from './set-bank-account/set-bank-account.handler';

@Module({
  controllers: [
    RegisterVenueController,
    CertifyVenueController,
    SetVenueBankAccountController,
    ChangeVenueIdentityController,
    GetVenueController,
    LocationsController,
    ServicesController,
    MembersController,
  ],
  providers: [RegisterVenueHandler, SetVenueBankAccountHandler, ChangeVenueHandler],
})
export class VenuesModule {}
