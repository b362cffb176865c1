import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PaySettlementRequest {
  @ApiProperty({ example: 'VIR-2026-000042', description: "the payer's reference of the transfer made" })
  @IsString()
  @Length(1, 140)
  paymentReference!: string;
}
