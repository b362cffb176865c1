import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SealedBankAccount } from '@pass/domain';

/** What a bank account is in clear: only ever in memory, on its way in or into a SEPA file. */
export interface BankAccountDetails {
  readonly iban: string;
  readonly bic?: string;
  readonly holder: string;
}

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Seals bank details with AES-256-GCM before they reach the event log. The ciphertext is bound to
 * the stream it belongs to (additional authenticated data), so it cannot be copied onto another
 * venue or payer; the key id lets a later key rotation tell which key sealed what.
 * Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
export class BankDetailsCipher {
  private readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('the bank details key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  seal(details: BankAccountDetails, streamId: string): SealedBankAccount {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(streamId, 'utf8'));
    const plain = JSON.stringify({ iban: details.iban, bic: details.bic, holder: details.holder });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const sealedAccount = [VERSION, this.keyId, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
    return { ibanLast4: details.iban.slice(-4), sealedAccount };
  }

  /** Throws when the ciphertext was sealed with another key, for another stream, or altered. */
  open(account: SealedBankAccount, streamId: string): BankAccountDetails {
    const [version, keyId, iv, ciphertext, tag] = account.sealedAccount.split('.');
    if (version !== VERSION || tag === undefined) throw new Error('unknown sealed bank account format');
    if (keyId !== this.keyId) throw new Error(`bank details sealed with another key (${keyId})`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(streamId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as BankAccountDetails;
  }
}
