import { api, ApiError } from '../api/client';
import { catalogueFrom, type VenueCatalogue } from './scan-choice';
import { scanStore } from './scan-store';

/**
 * The venue's locations and services: GET /v1/venues/:id when the network answers (kept in
 * IndexedDB), the last copy when it does not.
 */
export async function venueCatalogue(venueId: string, refresh: boolean): Promise<VenueCatalogue | undefined> {
  const cached = await scanStore.catalogue(venueId);
  if (!refresh) return cached;
  try {
    const venue = await api<Parameters<typeof catalogueFrom>[1]>(`/v1/venues/${encodeURIComponent(venueId)}`);
    const fresh = catalogueFrom(venueId, venue, new Date().toISOString());
    await scanStore.saveCatalogue(fresh);
    return fresh;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return cached;
  }
}
