import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { Actor } from '@pass/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { actorFromClaims } from './claims-mapping';

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
    try {
      if (decodeProtectedHeader(token).alg === 'HS256')
        return this.bySecret && actorFromClaims(await this.bySecret(token), SHARED_SECRET_CLAIMS);
      return this.byJwks && actorFromClaims(await this.byJwks(token), this.config.auth.claims);
    } catch {
      return undefined;
    }
  }
}
