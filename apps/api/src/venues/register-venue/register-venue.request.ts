import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsSiret } from '../../http/french-id.validators';

export class RegisterVenueRequest {
  @ApiProperty({ example: '73282932000074', description: 'SIRET (14 digits, Luhn check)' })
  @IsSiret()
  siret!: string;

  @ApiProperty({ example: 'Médiathèque de Mérignac' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '33281', description: 'INSEE commune code' })
  @Matches(/^(\d{5}|2[AB]\d{3})$/)
  communeInsee!: string;
}
