import { Body, Controller, Headers, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, MembershipCheckedByCommand, Roles } from '../../auth/auth.decorators';
import { MetricsService } from '../../metrics/metrics.service';
import { ProblemException } from '../../problems/problem.exception';
import { RedeemVoucherCommand, type Redemption, type SessionRedemption } from './redeem-voucher.handler';
import { RedeemVoucherRequest } from './redeem-voucher.request';
import { VenueThrottlerGuard } from './venue-throttler.guard';

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('v1/redemptions')
export class RedeemVoucherController {
  constructor(
    private readonly commands: CommandBus,
    private readonly metrics: MetricsService,
  ) {}

  @Post()
  @Roles('venue')
  @MembershipCheckedByCommand()
  @UseGuards(VenueThrottlerGuard)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  async redeem(
    @CurrentActor() actor: Actor,
    @Body() request: RedeemVoucherRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<Redemption | SessionRedemption> {
    const stopTimer = this.metrics.redemptionDuration.startTimer();
    try {
      const redemption = await this.commands.execute(
        new RedeemVoucherCommand(actor, request, idempotencyKey),
      );
      this.metrics.redemptions.inc({ outcome: 'accepted' });
      return redemption;
    } catch (error) {
      this.metrics.redemptions.inc({ outcome: error instanceof ProblemException ? error.code : 'internal' });
      throw error;
    } finally {
      stopTimer();
    }
  }
}
