import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsSiret } from '../../http/french-id.validators';

/** Only the fields sent change. */
export class ChangeVenueIdentityRequest {
  @ApiPropertyOptional({ example: '73282932000074', description: 'SIRET (14 digits, Luhn check)' })
  @IsOptional()
  @IsSiret()
  siret?: string;

  @ApiPropertyOptional({ example: 'Médiathèque Jacques Ellul' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '33281', description: 'INSEE code of the head-office commune' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/)
  communeInsee?: string;
}
