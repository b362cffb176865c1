import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { developmentBankDetailsKey, parseBankDetailsKey } from './bank-details-key';

const KEY = Buffer.alloc(32, 7).toString('base64');
const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32), QR_SIGNING_KEYS: 'ring' };

describe('BANK_DETAILS_KEY', () => {
  it('is 32 bytes in base64, nothing else', () => {
    expect(parseBankDetailsKey(KEY)).toEqual(Buffer.alloc(32, 7));
    expect(parseBankDetailsKey(Buffer.alloc(16).toString('base64'))).toBeUndefined();
    expect(parseBankDetailsKey('not base64!')).toBeUndefined();
  });

  it('is required in production, and refused when malformed', () => {
    expect(() => loadConfig(production)).toThrow(/BANK_DETAILS_KEY/);
    expect(loadConfig({ ...production, BANK_DETAILS_KEY: KEY }).bankDetailsKey).toEqual(Buffer.alloc(32, 7));
    expect(() => loadConfig({ DATA_DIR: '', BANK_DETAILS_KEY: 'short' })).toThrow(/32 bytes/);
  });

  it('outside production is generated once and kept in DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pass-key-'));
    try {
      const first = developmentBankDetailsKey(dataDir);
      expect(first).toHaveLength(32);
      expect(developmentBankDetailsKey(dataDir)).toEqual(first);
      expect(readFileSync(join(dataDir, 'dev-bank-details-key'), 'utf8')).toBe(first.toString('base64'));
      expect(developmentBankDetailsKey(undefined)).not.toEqual(first);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
