import { Module } from '@nestjs/common';
import { CertifyVenueController } from './certify-venue/certify-venue.controller';
import { CertifyVenueHandler, SuspendVenueCertificationHandler } from './certify-venue/certify-venue.handler';
import { RegisterVenueController } from './register-venue/register-venue.controller';
import { RegisterVenueHandler } from './register-venue/register-venue.handler';

@Module({
  controllers: [RegisterVenueController, CertifyVenueController],
  providers: [RegisterVenueHandler, CertifyVenueHandler, SuspendVenueCertificationHandler],
})
export class VenuesModule {}
