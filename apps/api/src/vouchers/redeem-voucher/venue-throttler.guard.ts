import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../../auth/auth.decorators';

/** Limits redemption attempts per venue (the token's org), not per IP: phones share carrier IPs. */
@Injectable()
export class VenueThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request as AuthenticatedRequest).actor?.org ?? String(request.ip);
  }

  /** The library hashes its keys (SHA-256, for shared stores such as Redis); ours stay in memory. */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return `${context.getClass().name}.${context.getHandler().name}.${name}.${tracker}`;
  }
}
