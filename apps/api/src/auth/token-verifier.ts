import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Actor, type Role } from '@pass/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** Verifies a bearer JWT (HS256 with AUTH_JWT_SECRET, or an OIDC issuer's JWKS) into an Actor. */
@Injectable()
export class TokenVerifier {
  private readonly verifyPayload: (token: string) => Promise<JWTPayload>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.auth.jwksUrl) {
      const jwks = createRemoteJWKSet(new URL(config.auth.jwksUrl));
      const algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
      this.verifyPayload = async (token) => (await jwtVerify(token, jwks, { algorithms })).payload;
    } else {
      const secret = new TextEncoder().encode(config.auth.jwtSecret);
      this.verifyPayload = async (token) =>
        (await jwtVerify(token, secret, { algorithms: ['HS256'] })).payload;
    }
  }

  async verify(token: string): Promise<Actor | undefined> {
    try {
      return toActor(await this.verifyPayload(token));
    } catch {
      return undefined;
    }
  }
}

function toActor(payload: JWTPayload): Actor | undefined {
  const { role, org, sub } = payload as JWTPayload & { role?: unknown; org?: unknown };
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) return undefined;
  if (typeof org !== 'string' || org.length === 0 || typeof sub !== 'string') return undefined;
  return { role: role as Role, org, subject: sub };
}
