import { ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@pass/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';

export const DEFAULT_RADIUS_KM = 10;
export const MAX_LIMIT = 500;
const MAX_OFFSET = 1_000_000;

/** Filters of GET /v1/lieux; query strings, so numbers are converted before they are checked. */
export class DirectoryRequest {
  @ApiPropertyOptional({ example: '33281', description: 'INSEE code of the commune of the location' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'commune must be an INSEE commune code' })
  commune?: string;

  @ApiPropertyOptional({ example: '33', description: 'INSEE code of the département of the location' })
  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/, { message: 'departement must be an INSEE département code' })
  departement?: string;

  @ApiPropertyOptional({
    enum: SERVICE_CATEGORIES,
    description: 'venues publishing a service of this category',
  })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({
    example: '44.8378,-0.5792',
    description: 'latitude,longitude (WGS84): only located places within radiusKm, nearest first',
  })
  @IsOptional()
  @Matches(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, { message: 'near must be <latitude>,<longitude>' })
  near?: string;

  @ApiPropertyOptional({ example: DEFAULT_RADIUS_KM, default: DEFAULT_RADIUS_KM, description: 'with near' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(1000)
  radiusKm?: number;

  @ApiPropertyOptional({ default: 100, maximum: MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Within SQL's bigint, and far past any directory: 1e20 reached the database and failed there.
  @Max(MAX_OFFSET)
  offset?: number;
}
