import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_CATEGORIES, SERVICE_FORMATS, type ServiceCategory, type ServiceFormat } from '@pass/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class PublishServiceRequest {
  @ApiProperty({ example: 'Faire ses démarches CAF en ligne' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES })
  @IsIn(SERVICE_CATEGORIES)
  category!: ServiceCategory;

  @ApiProperty({ enum: SERVICE_FORMATS, description: 'collective workshop or individual support' })
  @IsIn(SERVICE_FORMATS)
  format!: ServiceFormat;

  @ApiProperty({ example: 90 })
  @IsInt()
  @Min(1)
  @Max(480)
  durationMinutes!: number;

  @ApiProperty({ example: 2, description: 'price in number of vouchers' })
  @IsInt()
  @Min(1)
  @Max(10)
  priceInVouchers!: number;

  @ApiPropertyOptional({
    example: true,
    description: 'the beneficiary pays nothing more: a session takes exactly priceInVouchers vouchers',
  })
  @IsOptional()
  @IsBoolean()
  regulatedTariff?: boolean;
}
