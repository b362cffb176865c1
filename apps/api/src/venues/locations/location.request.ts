import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, Length, Matches } from 'class-validator';

export class AddLocationRequest {
  @ApiProperty({ example: 'Espace numérique du centre social' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '12 rue des Lilas', description: 'street and number' })
  @IsString()
  @Length(1, 300)
  address!: string;

  @ApiProperty({ example: '33700' })
  @Matches(/^\d{5}$/)
  postalCode!: string;

  @ApiProperty({ example: '33281', description: 'INSEE commune code' })
  @Matches(/^(\d{5}|2[AB]\d{3})$/)
  communeInsee!: string;

  @ApiPropertyOptional({ example: 44.8378 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: -0.6468 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ example: 'lundi 9h-12h, mercredi 14h-18h' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  openingHours?: string;

  @ApiPropertyOptional({ example: 'accès de plain-pied, boucle magnétique' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  accessibility?: string;
}
