import { api, ApiError } from '../api/client';
import { isRetryable, refusalReason } from '../api/refusals';
import { acceptedFields, redemptionBody, type RedemptionAnswer } from './scan-record';
import { scanStore, type ScanRecord } from './scan-store';

/**
 * Sends pending scans, oldest first, each with its own Idempotency-Key and scan time. One sender
 * at a time across tabs (Web Locks): a scan is never in flight twice, and if an answer is lost the
 * retry with the same key gets the first answer back. Stops at the first network failure.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let running: Promise<void> | undefined;

export function onScansChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function scansChanged(): void {
  listeners.forEach((listener) => listener());
}

export function flushQueue(venueId: string): Promise<void> {
  running ??= withLock(() => sendPending(venueId)).finally(() => (running = undefined));
  return running;
}

/** A fresh scan, sent at once when online; kept in the queue when that fails. */
export async function submitScan(scan: ScanRecord): Promise<ScanRecord> {
  await scanStore.put(scan);
  if (!scan.queued) {
    const outcome = await withLock(() => send(scan));
    if (outcome !== 'settled') {
      scan.queued = true;
      await scanStore.put(scan);
    }
  }
  scansChanged();
  return scan;
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('pass-scan-sync', work) as Promise<T>) : work();
}

async function sendPending(venueId: string): Promise<void> {
  for (const scan of await scanStore.pending(venueId)) {
    const outcome = await send(scan);
    if (outcome === 'offline') return;
    scansChanged();
  }
}

/**
 * Sends one scan, or one session of several vouchers (one request, one Idempotency-Key: all are
 * redeemed or none), and records its outcome; answers 'offline' when nothing reached the API.
 */
export async function send(scan: ScanRecord): Promise<'settled' | 'retry' | 'offline'> {
  scan.attempts += 1;
  try {
    const answer = await api<RedemptionAnswer>('/v1/redemptions', {
      method: 'POST',
      headers: { 'Idempotency-Key': scan.id },
      body: redemptionBody(scan),
    });
    Object.assign(scan, {
      state: 'accepted',
      ...acceptedFields(answer),
      settledAt: new Date().toISOString(),
    });
    await scanStore.put(scan);
    return 'settled';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.offline || isRetryable(error.code, error.status)) {
      await scanStore.put(scan);
      return error.offline || error.status === 401 ? 'offline' : 'retry';
    }
    Object.assign(scan, {
      state: 'refused',
      refusal: refusalReason(error.code),
      settledAt: new Date().toISOString(),
    });
    await scanStore.put(scan);
    return 'settled';
  }
}
