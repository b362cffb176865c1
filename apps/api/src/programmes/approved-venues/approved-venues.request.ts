import { ApiProperty } from '@nestjs/swagger';
import { ID_PATTERN } from '@pass/domain';
import { Matches } from 'class-validator';

export class ApproveVenueRequest {
  @ApiProperty({ example: 'ven_0123456789abcdef' })
  @Matches(ID_PATTERN)
  venueId!: string;
}
