import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PublicJwk } from './qr-verify';
import type { ScanChoice, VenueCatalogue } from './scan-choice';
import type { ScanRecord } from './scan-record';

export type { ScanInput, ScanRecord, SessionScanRecord, SingleScanRecord } from './scan-record';

/**
 * The scanner's IndexedDB: every scan with its own Idempotency-Key and scan time, so that a scan
 * taken offline is sent once the network returns (and a retry can never pay twice), the published
 * keys that check QR signatures offline, and (version 2) each venue's locations and services with
 * the agent's choice among them, so that the selects work offline too.
 */
interface ScannerDb extends DBSchema {
  scans: { key: string; value: ScanRecord; indexes: { byVenue: string } };
  keys: { key: string; value: { keys: PublicJwk[]; fetchedAt: string } };
  /** Keyed by venueId. */
  venues: { key: string; value: VenueCatalogue };
  /** Keyed by venueId: the location and service last chosen on this device. */
  choices: { key: string; value: ScanChoice };
}

const NAME = 'pass-numerique-scanner';
const VERSION = 2;

let database: Promise<IDBPDatabase<ScannerDb>> | undefined;

function db(): Promise<IDBPDatabase<ScannerDb>> {
  database ??= openDB<ScannerDb>(NAME, VERSION, {
    // Each step runs once, from the version the phone has: scans kept by version 1 stay as they
    // are (a record without `vouchers` is a single voucher, sent as before).
    upgrade(upgrade, oldVersion) {
      if (oldVersion < 1) {
        upgrade.createObjectStore('scans', { keyPath: 'id' }).createIndex('byVenue', 'venueId');
        upgrade.createObjectStore('keys');
      }
      if (oldVersion < 2) {
        upgrade.createObjectStore('venues');
        upgrade.createObjectStore('choices');
      }
    },
    // Another tab of a newer version wants to upgrade: let it, and reopen on next use.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      database = undefined;
    },
  }).catch((error: unknown) => {
    database = undefined;
    throw error;
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

  async catalogue(venueId: string): Promise<VenueCatalogue | undefined> {
    return (await db()).get('venues', venueId);
  },

  async saveCatalogue(catalogue: VenueCatalogue): Promise<void> {
    await (await db()).put('venues', catalogue, catalogue.venueId);
  },

  async choice(venueId: string): Promise<ScanChoice> {
    return (await (await db()).get('choices', venueId)) ?? {};
  },

  async saveChoice(venueId: string, choice: ScanChoice): Promise<void> {
    await (await db()).put('choices', choice, venueId);
  },
};
