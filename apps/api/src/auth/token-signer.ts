import { SignJWT } from 'jose';
import type { Role } from '@pass/domain';

/** Development tokens (npm run token, tests, the demo): HS256 with the service's secret. */
export function signDevelopmentToken(
  secret: string,
  claims: { role: Role; org: string; sub?: string },
  expiresIn = '12h',
): Promise<string> {
  return new SignJWT({ role: claims.role, org: claims.org })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? `${claims.role}-${claims.org}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
