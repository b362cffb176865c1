import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@pass/domain';
import { IsSiren } from '../../http/french-id.validators';
import { IsInstant } from '../../http/instant.validator';

export class TerritoryRequest {
  @ApiPropertyOptional({ example: ['33'], description: 'INSEE département codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @Matches(/^(\d{2,3}|2[AB])$/, { each: true })
  departements?: string[];

  @ApiPropertyOptional({ example: ['75056'], description: 'INSEE commune codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { each: true })
  communes?: string[];
}

export class CoFunderRequest {
  @ApiProperty({ example: '200054781', description: 'SIREN of the co-funding payer' })
  @IsSiren()
  payerId!: string;

  @ApiProperty({ example: 5000, description: 'share in basis points (10,000 = 100 %)' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBps!: number;
}

export class OpenProgrammeRequest {
  @ApiProperty({ example: 'Pass numérique Gironde 2026' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: TerritoryRequest })
  @ValidateNested()
  @Type(() => TerritoryRequest)
  territory!: TerritoryRequest;

  @ApiProperty({ example: 1000, description: 'face value of one voucher, in cents' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  faceValueCents!: number;

  @ApiProperty({ example: 10_000_000, description: 'budget in cents' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetCents!: number;

  @ApiProperty({ example: '2026-01-01T00:00:00Z' })
  @IsInstant()
  validFrom!: string;

  @ApiProperty({ example: '2026-12-31T23:59:59Z' })
  @IsInstant()
  validUntil!: string;

  @ApiPropertyOptional({
    example: 31,
    description: 'days after validUntil during which scans are still accepted (default 31)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  gracePeriodDays?: number;

  @ApiPropertyOptional({ type: [CoFunderRequest], description: 'shares adding up to 10,000 bps' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CoFunderRequest)
  coFunders?: CoFunderRequest[];

  @ApiPropertyOptional({
    example: true,
    description: 'only venues the payer approves (POST /v1/programmes/:id/approved-venues) redeem',
  })
  @IsOptional()
  @IsBoolean()
  approvedVenuesOnly?: boolean;

  @ApiPropertyOptional({
    enum: SERVICE_CATEGORIES,
    isArray: true,
    description: 'the service categories the vouchers pay for (default: all)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SERVICE_CATEGORIES, { each: true })
  serviceCategories?: ServiceCategory[];
}
