import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@pass/domain';
import { ProblemException } from '../problems/problem.exception';
import {
  MEMBERSHIP_IN_DOMAIN_KEY,
  PUBLIC_KEY,
  ROLES_KEY,
  type AuthenticatedRequest,
} from './auth.decorators';
import { TokenVerifier } from './token-verifier';
import { VenueMembership } from './venue-membership';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call; a
 * venue sign-in must be one of the venue's members once it lists them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly membership: VenueMembership,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { headers: Record<string, string> }>();
    const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
    const actor = match ? await this.verifier.verify(match[1]) : undefined;
    if (!actor) throw new ProblemException('auth.unauthenticated', 'a valid bearer token is required');
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role))
      throw new ProblemException('actor.forbidden', `this operation is for: ${roles.join(', ')}`);
    if (!this.reflector.getAllAndOverride<boolean>(MEMBERSHIP_IN_DOMAIN_KEY, targets))
      await this.membership.check(actor);
    return true;
  }
}
