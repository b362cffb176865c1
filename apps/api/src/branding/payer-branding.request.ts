import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { DISPLAY_NAME_MAX_LENGTH, normalizedDisplayName } from '@pass/domain/branding/payer-branding.decide';

export class SetPayerDisplayNameRequest {
  @ApiProperty({ example: 'Ville de Bordeaux', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @Transform(({ value }) => (typeof value === 'string' ? normalizedDisplayName(value) : value))
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'displayName may not contain control characters' })
  displayName!: string;
}
