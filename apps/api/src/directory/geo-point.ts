import type { CoordinateBox } from '@pass/projections';

export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** Mean Earth radius (IUGG): the haversine distance's sphere, within 0.5% of the ellipsoid. */
const EARTH_RADIUS_KM = 6371.0088;
const radians = (angle: number) => (angle * Math.PI) / 180;
const degrees = (angle: number) => (angle * 180) / Math.PI;

/** `near=<lat>,<lon>` as the directory's clients send it; undefined when it is not a point on Earth. */
export function parseGeoPoint(text: string): GeoPoint | undefined {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return undefined;
  const [latitude, longitude] = [Number(match[1]), Number(match[2])];
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}

/** Great-circle distance by the haversine formula: exact enough for "within 10 km" on a sphere. */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const dLatitude = radians(to.latitude - from.latitude);
  const dLongitude = radians(to.longitude - from.longitude);
  const h =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A rectangle holding every point within `radiusKm` of `center`, for the database to cut with
 * before the exact distance is measured. The longitude half-width is the exact one,
 * asin(sin(d) / cos φ) (the circle is widest in longitude away from the equator); near a pole or
 * across the antimeridian the rectangle takes every longitude: rare, and only slower.
 */
export function boxAround(center: GeoPoint, radiusKm: number): CoordinateBox {
  const angle = radiusKm / EARTH_RADIUS_KM;
  const dLatitude = degrees(angle);
  const ratio = Math.sin(angle) / Math.cos(radians(center.latitude));
  const dLongitude = ratio < 1 ? degrees(Math.asin(ratio)) : 180;
  const minLongitude = center.longitude - dLongitude;
  const maxLongitude = center.longitude + dLongitude;
  const everyLongitude = minLongitude < -180 || maxLongitude > 180;
  return {
    minLatitude: Math.max(-90, center.latitude - dLatitude),
    maxLatitude: Math.min(90, center.latitude + dLatitude),
    minLongitude: everyLongitude ? -180 : minLongitude,
    maxLongitude: everyLongitude ? 180 : maxLongitude,
  };
}
