import { developmentJwtSecret } from './development-secret';

/** Every environment variable the service reads, validated once at boot. */
export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly dataDir: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string | undefined;
  readonly databasePoolSize: number;
  readonly auth: {
    readonly jwtSecret?: string;
    readonly jwksUrl?: string;
    readonly generatedSecret: boolean;
  };
  readonly qrSigningKeys: string | undefined;
  readonly logLevel: string;
  /** Redemption attempts allowed per venue per window: scans are cheap, code guessing must not be. */
  readonly redemptionRateLimit: { readonly limit: number; readonly windowMs: number };
  readonly bodyLimit: string;
  readonly brandName: string;
  /** Cron expression of the daily expiry run (Europe/Paris); empty or "off" disables it. */
  readonly expirySchedule: string | undefined;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (production && !jwtSecret && !jwksUrl)
    throw new ConfigError('in production set AUTH_JWT_SECRET or AUTH_JWKS_URL');
  if (jwtSecret && jwtSecret.length < 32)
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  if (production && !env.QR_SIGNING_KEYS && !env.DATA_DIR)
    throw new ConfigError('in production set QR_SIGNING_KEYS (or DATA_DIR where the key ring is kept)');
  const generatedSecret = !jwtSecret && !jwksUrl;
  const dataDir = env.DATA_DIR === undefined ? './data' : env.DATA_DIR || undefined;
  return {
    production,
    port: integer(env, 'PORT', 3000, 0),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10),
    auth: {
      jwtSecret: generatedSecret ? developmentJwtSecret(dataDir) : jwtSecret,
      jwksUrl,
      generatedSecret,
    },
    qrSigningKeys: env.QR_SIGNING_KEYS || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    redemptionRateLimit: {
      limit: integer(env, 'REDEMPTION_RATE_LIMIT', 600),
      windowMs: integer(env, 'REDEMPTION_RATE_WINDOW_MS', 60_000),
    },
    bodyLimit: env.BODY_LIMIT || '100kb',
    brandName: env.BRAND_NAME || 'Pass numérique',
    expirySchedule: env.EXPIRY_SCHEDULE === 'off' ? undefined : env.EXPIRY_SCHEDULE || '0 4 * * *',
  };
}
