import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { Actor } from '@pass/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { actorFromClaims } from './claims-mapping';
import { VerifiedTokenCache } from './verified-token-cache';

/** Tokens this service signs itself (token-signer.ts) always carry `role` and `org`. */
const SHARED_SECRET_CLAIMS = { roleClaim: 'role', orgClaim: 'org' };

type PayloadVerifier = (token: string) => Promise<JWTPayload>;

/**
 * Verifies a bearer JWT into an Actor: HS256 with AUTH_JWT_SECRET, and/or an OIDC provider's
 * tokens through its JWKS (AUTH_JWKS_URL, issuer checked when OIDC_ISSUER_URL is set). With both,
 * the token's algorithm picks the key: people sign in through the provider while operator scripts
 * keep their shared-secret tokens. The provider's claims map to role and org (OIDC_*_CLAIM).
 */
@Injectable()
export class TokenVerifier {
  private readonly bySecret?: PayloadVerifier;
  private readonly byJwks?: PayloadVerifier;
  private readonly verified = new VerifiedTokenCache();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { jwksUrl, jwtSecret, issuer } = config.auth;
    if (jwksUrl) {
      const jwks = createRemoteJWKSet(new URL(jwksUrl));
      const algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
      this.byJwks = async (token) => (await jwtVerify(token, jwks, { algorithms, issuer })).payload;
    }
    if (jwtSecret) {
      const secret = new TextEncoder().encode(jwtSecret);
      this.bySecret = async (token) => (await jwtVerify(token, secret, { algorithms: ['HS256'] })).payload;
    }
  }

  async verify(token: string): Promise<Actor | undefined> {
    const cached = this.verified.get(token, Date.now());
    if (cached) return cached;
    try {
      const byAlgorithm =
        decodeProtectedHeader(token).alg === 'HS256'
          ? this.bySecret && { verify: this.bySecret, claims: SHARED_SECRET_CLAIMS }
          : this.byJwks && { verify: this.byJwks, claims: this.config.auth.claims };
      if (!byAlgorithm) return undefined;
      const payload = await byAlgorithm.verify(token);
      const actor = actorFromClaims(payload, byAlgorithm.claims);
      if (actor) this.verified.set(token, actor, Date.now(), payload.exp);
      return actor;
    } catch {
      return undefined;
    }
  }
}
