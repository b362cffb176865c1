import type { DirectoryEntry } from '@pass/projections';
import { distanceKm, type GeoPoint } from './geo-point';

export type DirectoryRecord = DirectoryEntry & { distanceKm?: number };

/** Entries within the radius, nearest first (then by id, so that pages do not overlap), with their distance. */
export function withinRadius(
  entries: readonly DirectoryEntry[],
  center: GeoPoint,
  radiusKm: number,
): DirectoryRecord[] {
  return entries
    .flatMap((entry) => {
      const coordinates = entry.location.coordinates;
      if (!coordinates) return [];
      const distance = distanceKm(center, coordinates);
      return distance <= radiusKm ? [{ ...entry, distanceKm: Math.round(distance * 1000) / 1000 }] : [];
    })
    .sort(
      (a, b) => a.distanceKm - b.distanceKm || a.location.locationId.localeCompare(b.location.locationId),
    );
}
