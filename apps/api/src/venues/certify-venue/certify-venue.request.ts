import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsInstant } from '../../http/instant.validator';

export class CertifyVenueRequest {
  @ApiProperty({ example: '2027-12-31T23:59:59Z', description: 'end of the certification (ISO-8601)' })
  @IsInstant()
  validUntil!: string;
}

export class SuspendVenueCertificationRequest {
  @ApiProperty({ example: 'audit en cours' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
