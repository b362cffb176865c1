import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PublicJwk } from './qr-verify';

/**
 * The scanner's IndexedDB: every scan with its own Idempotency-Key and scan time, so that a scan
 * taken offline is sent once the network returns (and a retry can never pay twice), and the
 * published keys that check QR signatures offline.
 */
export type ScanInput = { readonly qr: string } | { readonly code: string };

export interface ScanRecord {
  /** The Idempotency-Key of POST /v1/redemptions. */
  readonly id: string;
  /** Scans are sent under the token of the venue that took them, never another's. */
  readonly venueId: string;
  readonly input: ScanInput;
  /** What the list shows: the voucher id of a QR, the masked typed code. */
  readonly label: string;
  readonly servicePriceCents?: number;
  readonly scannedAt: string;
  /** Taken while offline (or the send failed): listed in the queue, with its outcome once known. */
  queued: boolean;
  state: 'pending' | 'accepted' | 'refused';
  amountCents?: number;
  refusal?: string;
  attempts: number;
  settledAt?: string;
}

interface ScannerDb extends DBSchema {
  scans: { key: string; value: ScanRecord; indexes: { byVenue: string } };
  keys: { key: string; value: { keys: PublicJwk[]; fetchedAt: string } };
}

let database: Promise<IDBPDatabase<ScannerDb>> | undefined;

function db(): Promise<IDBPDatabase<ScannerDb>> {
  database ??= openDB<ScannerDb>('pass-numerique-scanner', 1, {
    upgrade(upgrade) {
      upgrade.createObjectStore('scans', { keyPath: 'id' }).createIndex('byVenue', 'venueId');
      upgrade.createObjectStore('keys');
    },
  });
  return database;
}

const KEEP_SETTLED_MS = 7 * 24 * 3600 * 1000;

export const scanStore = {
  async put(record: ScanRecord): Promise<void> {
    await (await db()).put('scans', record);
  },

  /** The venue's scans, newest first; settled ones older than a week are forgotten. */
  async list(venueId: string): Promise<ScanRecord[]> {
    const all = await (await db()).getAllFromIndex('scans', 'byVenue', venueId);
    const horizon = Date.now() - KEEP_SETTLED_MS;
    const stale = all.filter((scan) => scan.state !== 'pending' && Date.parse(scan.scannedAt) < horizon);
    if (stale.length > 0) {
      const tx = (await db()).transaction('scans', 'readwrite');
      await Promise.all([...stale.map((scan) => tx.store.delete(scan.id)), tx.done]);
    }
    return all.filter((scan) => !stale.includes(scan)).sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
  },

  async pending(venueId: string): Promise<ScanRecord[]> {
    return (await scanStore.list(venueId)).filter((scan) => scan.state === 'pending').reverse();
  },

  async keys(): Promise<PublicJwk[] | undefined> {
    return (await (await db()).get('keys', 'published'))?.keys;
  },

  async saveKeys(keys: PublicJwk[]): Promise<void> {
    await (await db()).put('keys', { keys, fetchedAt: new Date().toISOString() }, 'published');
  },
};
