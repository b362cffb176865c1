import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Either the QR text or the printed code (when the print is damaged), not both. */
export class RedeemVoucherRequest {
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

  @ApiPropertyOptional({
    example: 1500,
    description: 'price of the session in cents: the voucher pays min(face value, price)',
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
  @IsISO8601({ strict: true })
  scannedAt?: string;
}
