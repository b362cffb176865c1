import { Module } from '@nestjs/common';
import { GetVoucherController } from './get-voucher/get-voucher.controller';
import { GetVoucherHandler } from './get-voucher/get-voucher.query';
import { RedeemVoucherController } from './redeem-voucher/redeem-voucher.controller';
import { RedeemVoucherHandler } from './redeem-voucher/redeem-voucher.handler';
import { VenueThrottlerGuard } from './redeem-voucher/venue-throttler.guard';
import { VoucherResolver } from './redeem-voucher/voucher-resolver';

@Module({
  controllers: [RedeemVoucherController, GetVoucherController],
  providers: [RedeemVoucherHandler, GetVoucherHandler, VoucherResolver, VenueThrottlerGuard],
})
export class VouchersModule {}
