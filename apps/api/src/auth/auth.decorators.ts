import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@pass/domain';

export const ROLES_KEY = 'pass:roles';
export const PUBLIC_KEY = 'pass:public';

/** Routes open without a token: health, metrics, public keys, documentation. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const MEMBERSHIP_IN_DOMAIN_KEY = 'pass:membership-in-domain';
/**
 * The route's command checks venue membership itself (with the venue state it loads anyway), so
 * the guard spares it a read: the redemption's hot path.
 */
export const MembershipCheckedByCommand = () => SetMetadata(MEMBERSHIP_IN_DOMAIN_KEY, true);

/** The roles allowed on a route; tenancy (which org) is then the domain's to check. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
