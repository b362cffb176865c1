import { scanStore } from './scan-store';
import type { PublicJwk } from './qr-verify';

/** GET /v1/keys when the network answers (kept in IndexedDB), the last copy when it does not. */
export async function publishedKeys(refresh = false): Promise<PublicJwk[]> {
  const cached = await scanStore.keys();
  if (cached && !refresh) return cached;
  try {
    const response = await fetch('/v1/keys', { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const { keys } = (await response.json()) as { keys: PublicJwk[] };
    await scanStore.saveKeys(keys);
    return keys;
  } catch {
    return cached ?? [];
  }
}
