import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BANK_DETAILS_KEY_BYTES = 32;

/** BANK_DETAILS_KEY is 32 bytes in base64 (`openssl rand -base64 32`): an AES-256 key. */
export function parseBankDetailsKey(raw: string): Buffer | undefined {
  const key = Buffer.from(raw, 'base64');
  return key.length === BANK_DETAILS_KEY_BYTES && key.toString('base64') === raw.trim() ? key : undefined;
}

/**
 * Outside production, without BANK_DETAILS_KEY, bank details are sealed with a key kept in
 * DATA_DIR, so that what a development service sealed stays readable after a restart.
 */
export function developmentBankDetailsKey(dataDir: string | undefined): Buffer {
  if (!dataDir) return randomBytes(BANK_DETAILS_KEY_BYTES);
  const file = join(dataDir, 'dev-bank-details-key');
  if (existsSync(file)) {
    const key = parseBankDetailsKey(readFileSync(file, 'utf8').trim());
    if (key) return key;
  }
  const key = randomBytes(BANK_DETAILS_KEY_BYTES);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
