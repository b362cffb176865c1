import fc from 'fast-check';
import { boxAround, distanceKm, parseGeoPoint, type GeoPoint } from './geo-point';
import { withinRadius } from './within-radius';
import { directoryEntry } from './testing/directory-entry';

const BORDEAUX = { latitude: 44.8378, longitude: -0.5792 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };

describe('distance between two points', () => {
  it('is zero from a point to itself and the same both ways', () => {
    expect(distanceKm(BORDEAUX, BORDEAUX)).toBe(0);
    expect(distanceKm(BORDEAUX, PARIS)).toBeCloseTo(distanceKm(PARIS, BORDEAUX), 9);
  });

  it('measures Bordeaux–Paris as the great circle does (about 500 km)', () => {
    expect(distanceKm(BORDEAUX, PARIS)).toBeGreaterThan(495);
    expect(distanceKm(BORDEAUX, PARIS)).toBeLessThan(502);
  });

  it('gives one degree of latitude its 111.2 km, and a degree of longitude less away from the equator', () => {
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111.195, 2);
    const alongParallel = distanceKm({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(alongParallel).toBeCloseTo(111.195 / 2, 0);
  });
});

describe('the box cut before measuring', () => {
  const point = fc.record({
    latitude: fc.double({ min: -80, max: 80, noNaN: true }),
    longitude: fc.double({ min: -170, max: 170, noNaN: true }),
  });

  it('holds every point within the radius (checked on random points and bearings)', () => {
    fc.assert(
      fc.property(
        point,
        fc.double({ min: 0.1, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (center, radiusKm, fraction, bearing) => {
          const inside = destination(center, radiusKm * fraction * 0.999, bearing);
          const box = boxAround(center, radiusKm);
          expect(inside.latitude).toBeGreaterThanOrEqual(box.minLatitude);
          expect(inside.latitude).toBeLessThanOrEqual(box.maxLatitude);
          expect(inside.longitude).toBeGreaterThanOrEqual(box.minLongitude);
          expect(inside.longitude).toBeLessThanOrEqual(box.maxLongitude);
        },
      ),
    );
  });

  it('takes every longitude when the circle reaches a pole', () => {
    expect(boxAround({ latitude: 89.99, longitude: 10 }, 50)).toMatchObject({
      maxLatitude: 90,
      minLongitude: -180,
      maxLongitude: 180,
    });
  });
});

describe('near=<latitude>,<longitude>', () => {
  it('reads a point, and refuses what is not one on Earth', () => {
    expect(parseGeoPoint('44.8378,-0.5792')).toEqual(BORDEAUX);
    expect(parseGeoPoint('91,0')).toBeUndefined();
    expect(parseGeoPoint('0,180.5')).toBeUndefined();
    expect(parseGeoPoint('Bordeaux')).toBeUndefined();
  });
});

describe('entries within a radius', () => {
  it('keeps located entries within it, nearest first, with their distance; leaves out the unlocated', () => {
    const far = directoryEntry({ locationId: 'loc-far', coordinates: { latitude: 44.9, longitude: -0.58 } });
    const near = directoryEntry({
      locationId: 'loc-near',
      coordinates: { latitude: 44.84, longitude: -0.58 },
    });
    const outside = directoryEntry({ locationId: 'loc-out', coordinates: PARIS });
    const unlocated = directoryEntry({ locationId: 'loc-none', coordinates: null });
    const kept = withinRadius([far, outside, unlocated, near], BORDEAUX, 10);
    expect(kept.map((entry) => entry.location.locationId)).toEqual(['loc-near', 'loc-far']);
    expect(kept[0].distanceKm).toBeCloseTo(distanceKm(BORDEAUX, near.location.coordinates!), 3);
    expect(kept[1].distanceKm).toBeLessThan(10);
  });
});

/** The point `distance` km from `start` along `bearing` (radians from north), on the same sphere. */
function destination(start: GeoPoint, distance: number, bearing: number): GeoPoint {
  const R = 6371.0088;
  const toRad = Math.PI / 180;
  const angle = distance / R;
  const lat1 = start.latitude * toRad;
  const lon1 = start.longitude * toRad;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing),
  );
  const lon2 =
    lon1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
      Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2),
    );
  const longitude = ((((lon2 / toRad + 180) % 360) + 360) % 360) - 180;
  return { latitude: lat2 / toRad, longitude };
}
