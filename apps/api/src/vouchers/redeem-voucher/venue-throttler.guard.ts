import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../../auth/auth.decorators';

/** Limits redemption attempts per venue (the token's org), not per IP: phones share carrier IPs. */
@Injectable()
export class VenueThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request as AuthenticatedRequest).actor?.org ?? String(request.ip);
  }
}
