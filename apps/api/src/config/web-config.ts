import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The web app's settings: where its built files are, the deployment's brand, how people sign in. */
export interface WebConfig {
  /** The Vite build served under /app/ (WEB_DIST_DIR, default dist/web at the repository root). */
  readonly distDir: string;
  /** BRAND_COLOR: the accent colour, `#rrggbb`. */
  readonly brandColor: string;
  /** BRAND_LOGO_PATH: an SVG, PNG, JPEG or WebP file served at /v1/web/brand-logo. */
  readonly brandLogoPath: string | undefined;
  /** OIDC_ISSUER_URL + OIDC_CLIENT_ID: the app signs people in there (authorization code + PKCE). */
  readonly oidc: OidcConfig | undefined;
  /** POST /v1/dev/token: outside production, without an OIDC provider, with a shared secret. */
  readonly devSignIn: boolean;
}

export interface OidcConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  /** OIDC_SCOPE, default `openid profile`. */
  readonly scope: string;
}

/** Which of the provider's claims carry the role and the org (OIDC_ROLE_CLAIM, OIDC_ORG_CLAIM). */
export interface ClaimMapping {
  readonly roleClaim: string;
  readonly orgClaim: string;
}

export const NEUTRAL_BRAND_COLOR = '#31589b';
const LOGO_EXTENSION = /\.(svg|png|jpe?g|webp)$/i;

export class WebConfigError extends Error {}

export function webConfigFrom(
  env: NodeJS.ProcessEnv,
  production: boolean,
  hasSharedSecret: boolean,
): WebConfig {
  const brandColor = env.BRAND_COLOR || NEUTRAL_BRAND_COLOR;
  if (!/^#[0-9a-fA-F]{6}$/.test(brandColor))
    throw new WebConfigError(`BRAND_COLOR must be a colour like #31589b, got "${brandColor}"`);
  const brandLogoPath = env.BRAND_LOGO_PATH ? resolve(env.BRAND_LOGO_PATH) : undefined;
  if (brandLogoPath && !LOGO_EXTENSION.test(brandLogoPath))
    throw new WebConfigError('BRAND_LOGO_PATH must be an .svg, .png, .jpg or .webp file');
  if (brandLogoPath && !existsSync(brandLogoPath))
    throw new WebConfigError(`BRAND_LOGO_PATH: no file at ${brandLogoPath}`);
  const oidc = oidcFrom(env);
  return {
    distDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : join(repositoryRoot(), 'dist/web'),
    brandColor: brandColor.toLowerCase(),
    brandLogoPath,
    oidc,
    devSignIn: !production && !oidc && hasSharedSecret,
  };
}

export function claimMappingFrom(env: NodeJS.ProcessEnv): ClaimMapping {
  return { roleClaim: env.OIDC_ROLE_CLAIM || 'role', orgClaim: env.OIDC_ORG_CLAIM || 'org' };
}

function oidcFrom(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuerUrl = env.OIDC_ISSUER_URL || undefined;
  const clientId = env.OIDC_CLIENT_ID || undefined;
  if (!issuerUrl && !clientId) return undefined;
  if (!issuerUrl || !clientId)
    throw new WebConfigError('set both OIDC_ISSUER_URL and OIDC_CLIENT_ID, or neither');
  // The API checks the provider's tokens against its keys: without them no sign-in could succeed.
  if (!env.AUTH_JWKS_URL)
    throw new WebConfigError("OIDC_ISSUER_URL needs AUTH_JWKS_URL (the provider's jwks_uri)");
  return { issuerUrl, clientId, scope: env.OIDC_SCOPE || 'openid profile' };
}

/** The folder holding package.json, from the sources (ts-jest) or from dist/ alike. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
