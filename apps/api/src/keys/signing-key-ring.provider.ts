import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type Provider } from '@nestjs/common';
import { SigningKeyRing } from '@pass/vouchers';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * The QR signing keys: QR_SIGNING_KEYS (a serialized ring, for servers), else a ring kept in
 * DATA_DIR (created at first start, so printed vouchers stay valid across restarts), else an
 * ephemeral ring (tests).
 */
export const signingKeyRingProvider: Provider = {
  provide: SigningKeyRing,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): SigningKeyRing => {
    if (config.qrSigningKeys) return SigningKeyRing.fromJSON(config.qrSigningKeys);
    if (!config.dataDir) return SigningKeyRing.generate(`k${Date.now().toString(36)}`);
    const file = join(config.dataDir, 'qr-signing-keys.json');
    if (existsSync(file)) return SigningKeyRing.fromJSON(readFileSync(file, 'utf8'));
    const ring = SigningKeyRing.generate(`k${Date.now().toString(36)}`);
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(ring.toJSON()), { mode: 0o600 });
    new Logger('SigningKeys').log(`created a QR signing key ring in ${file}`);
    return ring;
  },
};
