import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ID_PATTERN, MAX_VOUCHERS_PER_SESSION } from '@pass/domain';
import { IsInstant } from '../../http/instant.validator';

/** One voucher: the QR text, or the printed code when the print is damaged; not both. */
export class VoucherScanRequest {
  @ApiPropertyOptional({ example: 'PN1.k1.bk_0123456789abcdef-01.<signature>' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  qr?: string;

  @ApiPropertyOptional({ example: 'ABCD-EFGH-JKMN-P' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  code?: string;
}

/** One voucher (qr or code), or a session paid with several (`vouchers`, with the service). */
export class RedeemVoucherRequest extends VoucherScanRequest {
  @ApiPropertyOptional({
    type: [VoucherScanRequest],
    description: 'a session paid with several vouchers: all are redeemed or none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VOUCHERS_PER_SESSION)
  @ValidateNested({ each: true })
  @Type(() => VoucherScanRequest)
  vouchers?: VoucherScanRequest[];

  @ApiPropertyOptional({ example: 'svc_0123456789abcdef', description: "one of the venue's services" })
  @IsOptional()
  @Matches(ID_PATTERN)
  serviceId?: string;

  @ApiPropertyOptional({
    example: 'loc_0123456789abcdef',
    description: 'where the session took place; required when the venue has several locations',
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  locationId?: string;

  @ApiPropertyOptional({
    example: 1500,
    description: 'price of a session without a service, in cents: the voucher pays min(face value, price)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  servicePriceCents?: number;

  @ApiPropertyOptional({
    example: '2026-06-01T10:00:00Z',
    description: 'when the venue scanned (offline scanners); default now',
  })
  @IsOptional()
  @IsInstant()
  scannedAt?: string;
}
