import { preparedStatementsSetting } from '@pass/event-store';
import { DEFAULT_PACE_MS } from '@pass/projections';
import { relayConfigFrom, RelayConfigError, type RelayConfig } from '@pass/messaging';
import bytes from 'bytes';
import { CronTime } from 'cron';
import { developmentJwtSecret } from './development-secret';
import { developmentBankDetailsKey, parseBankDetailsKey } from './bank-details-key';
import {
  claimMappingFrom,
  webConfigFrom,
  WebConfigError,
  type ClaimMapping,
  type WebConfig,
} from './web-config';

/** Every environment variable the service reads, validated once at boot. */
export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly dataDir: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string | undefined;
  readonly databasePoolSize: number;
  readonly databasePreparedStatements: boolean;
  readonly auth: {
    readonly jwtSecret?: string;
    readonly jwksUrl?: string;
    readonly generatedSecret: boolean;
    /** OIDC_ISSUER_URL: tokens verified through AUTH_JWKS_URL must come from this issuer. */
    readonly issuer?: string;
    readonly claims: ClaimMapping;
  };
  readonly qrSigningKeys: string | undefined;
  readonly logLevel: string;
  /** Redemption attempts allowed per venue per window: scans are cheap, code guessing must not be. */
  readonly redemptionRateLimit: { readonly limit: number; readonly windowMs: number };
  /** Largest body accepted, in bytes (BODY_LIMIT: "100kb", "1mb" or a number of bytes). */
  readonly bodyLimitBytes: number;
  readonly brandName: string;
  readonly projections: {
    /** Run the projectors inside the API process (one instance per projection holds its lock; others stand by). */
    readonly inProcess: boolean;
    /** Idle poll of the log: the fallback when an append notification (LISTEN/NOTIFY) is missed. */
    readonly pollMs: number;
    /** After a partial batch, how long a projector lets the log fill before the next (see RunnerOptions.paceMs). */
    readonly paceMs: number;
    /** How long a read waits for the projections to reach the log's head before answering anyway. */
    readonly freshnessDeadlineMs: number;
  };
  /** AES-256-GCM key sealing venues' and payers' bank details at rest (BANK_DETAILS_KEY). */
  readonly bankDetailsKey: Buffer;
  /** The Kafka relay of payer events: set when KAFKA_BROKERS is. */
  readonly relay: RelayConfig | undefined;
  /** The web app (apps/web) served under /app/: brand, sign-in. */
  readonly web: WebConfig;
  /** Cron expression of the daily expiry run (Europe/Paris); empty or "off" disables it. */
  readonly expirySchedule: string | undefined;
  /** Days before validUntil from which the end-of-validity alert shows (EXPIRY_ALERT_DAYS). */
  readonly expiryAlertDays: number;
  /** Cron expression of the monthly settlement run (Europe/Paris); unset, empty or "off": no run. */
  readonly settlementSchedule: string | undefined;
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

function byteSize(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const raw = env[name] || fallback;
  const value = bytes.parse(raw);
  if (value === null || !Number.isSafeInteger(value) || value < 1)
    throw new ConfigError(`${name} must be a size such as "100kb" or "1mb", got "${raw}"`);
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
    databasePreparedStatements: preparedStatements(env),
    auth: {
      jwtSecret: generatedSecret ? developmentJwtSecret(dataDir) : jwtSecret,
      jwksUrl,
      generatedSecret,
      issuer: env.OIDC_ISSUER_URL || undefined,
      claims: claimMappingFrom(env),
    },
    qrSigningKeys: env.QR_SIGNING_KEYS || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    redemptionRateLimit: {
      limit: integer(env, 'REDEMPTION_RATE_LIMIT', 600),
      windowMs: integer(env, 'REDEMPTION_RATE_WINDOW_MS', 60_000),
    },
    bodyLimitBytes: byteSize(env, 'BODY_LIMIT', '100kb'),
    brandName: env.BRAND_NAME || 'Pass numérique',
    projections: {
      inProcess: env.PROJECTIONS_IN_PROCESS !== 'false',
      pollMs: integer(env, 'PROJECTIONS_POLL_MS', 500),
      paceMs: integer(env, 'PROJECTIONS_PACE_MS', DEFAULT_PACE_MS, 0),
      freshnessDeadlineMs: integer(env, 'PROJECTIONS_FRESHNESS_MS', 2000, 0),
    },
    bankDetailsKey: bankDetailsKey(env, production, dataDir),
    relay: relayConfig(env),
    web: webConfig(env, production, Boolean(jwtSecret) || generatedSecret),
    expirySchedule: env.EXPIRY_SCHEDULE === 'off' ? undefined : env.EXPIRY_SCHEDULE || '0 4 * * *',
    expiryAlertDays: integer(env, 'EXPIRY_ALERT_DAYS', 30, 0),
    settlementSchedule: settlementSchedule(env),
  };
}

/** Off unless asked for: opening batches by itself is the payer's decision to delegate. */
function settlementSchedule(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SETTLEMENT_SCHEDULE?.trim();
  if (!raw || raw === 'off') return undefined;
  try {
    new CronTime(raw, 'Europe/Paris');
  } catch {
    throw new ConfigError(`SETTLEMENT_SCHEDULE must be a cron expression (e.g. "0 6 1 * *"), got "${raw}"`);
  }
  return raw;
}

function preparedStatements(env: NodeJS.ProcessEnv): boolean {
  try {
    return preparedStatementsSetting(env.DATABASE_PREPARED_STATEMENTS);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function relayConfig(env: NodeJS.ProcessEnv): RelayConfig | undefined {
  try {
    return relayConfigFrom(env);
  } catch (error) {
    if (error instanceof RelayConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

function webConfig(env: NodeJS.ProcessEnv, production: boolean, sharedSecret: boolean): WebConfig {
  try {
    return webConfigFrom(env, production, sharedSecret);
  } catch (error) {
    if (error instanceof WebConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

function bankDetailsKey(env: NodeJS.ProcessEnv, production: boolean, dataDir: string | undefined): Buffer {
  const raw = env.BANK_DETAILS_KEY || undefined;
  if (raw === undefined) {
    if (production) throw new ConfigError('in production set BANK_DETAILS_KEY (32 bytes, base64)');
    return developmentBankDetailsKey(dataDir);
  }
  const key = parseBankDetailsKey(raw);
  if (!key) throw new ConfigError('BANK_DETAILS_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}
