import type { SqlQueryable } from '@pass/event-store';
import type { VenueService } from '@pass/domain';
import type { Row } from '../model/table';
import { DIRECTORY_LOCATIONS, DIRECTORY_VENUES } from '../projections/venue-directory.projection';
import { fromSql, viewName } from '../sql/read-model-sql';
import { projectionTables } from './projection-tables';

/** A latitude/longitude rectangle: a cheap first cut before measuring real distances. */
export interface CoordinateBox {
  readonly minLatitude: number;
  readonly maxLatitude: number;
  readonly minLongitude: number;
  readonly maxLongitude: number;
}

export interface DirectoryFilter {
  /** Venues certified at this instant (ISO-8601): periods end, and suspensions end them early. */
  readonly at: string;
  readonly communeInsee?: string;
  readonly departement?: string;
  readonly category?: string;
  /** Only located places inside the box. */
  readonly box?: CoordinateBox;
}

export interface DirectoryPage {
  readonly limit: number;
  readonly offset: number;
}

/** One open location of a certified venue, with the venue's published services. */
export interface DirectoryEntry {
  readonly venue: { readonly venueId: string; readonly name: string; readonly siret: string };
  readonly location: {
    readonly locationId: string;
    readonly name: string;
    readonly address: string;
    readonly postalCode: string;
    readonly communeInsee: string;
    readonly communeName: string;
    readonly departement: string;
    readonly coordinates: { readonly latitude: number; readonly longitude: number } | null;
    readonly openingHours: string | null;
    readonly accessibility: string | null;
  };
  readonly services: readonly VenueService[];
  /** The later of the venue's and the location's last change. */
  readonly updatedAt: string;
}

/**
 * The directory's entries matching `filter`, in a stable order (commune, name, id); one page of
 * them when `page` is given, all otherwise (distance sorting and the export need them all).
 */
export async function selectDirectory(
  db: SqlQueryable,
  filter: DirectoryFilter,
  page?: DirectoryPage,
): Promise<{ total: number; entries: DirectoryEntry[] }> {
  const { where, params } = conditions(filter);
  const from = `${viewName(DIRECTORY_LOCATIONS)} l join ${viewName(DIRECTORY_VENUES)} v on v.venue_id = l.venue_id`;
  const [{ total }] = await db.query<{ total: string | number }>(
    `select count(*) as total from ${from} where ${where}`,
    params,
  );
  const n = params.length;
  const paging = page ? ` limit $${n + 1} offset $${n + 2}` : '';
  const rows = await db.query<Row>(
    `select l.*, v.siret as venue_siret, v.name as venue_name, v.services as venue_services,
       v.updated_at as venue_updated_at
     from ${from} where ${where} order by l.commune_insee, l.name, l.location_id${paging}`,
    page ? [...params, page.limit, page.offset] : params,
  );
  return { total: Number(total), entries: rows.map(toEntry) };
}

function conditions(filter: DirectoryFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.at];
  const where = [
    // The domain's isCertifiedAt, in SQL: from ≤ at < until, for one period at least.
    `exists (select 1 from jsonb_array_elements(v.certifications) p
       where (p->>'from')::timestamptz <= $1::timestamptz and $1::timestamptz < (p->>'until')::timestamptz)`,
  ];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.communeInsee !== undefined) where.push(`l.commune_insee = ${param(filter.communeInsee)}`);
  if (filter.departement !== undefined) where.push(`l.departement = ${param(filter.departement)}`);
  if (filter.category !== undefined)
    where.push(
      `v.services @> jsonb_build_array(jsonb_build_object('category', ${param(filter.category)}::text))`,
    );
  if (filter.box !== undefined) {
    const { minLatitude, maxLatitude, minLongitude, maxLongitude } = filter.box;
    where.push(
      `jsonb_typeof(l.latitude) = 'number' and jsonb_typeof(l.longitude) = 'number'`,
      `(l.latitude)::float8 between ${param(minLatitude)} and ${param(maxLatitude)}`,
      `(l.longitude)::float8 between ${param(minLongitude)} and ${param(maxLongitude)}`,
    );
  }
  return { where: where.join(' and '), params };
}

function toEntry(raw: Row): DirectoryEntry {
  const row = fromSql(projectionTables(DIRECTORY_LOCATIONS), raw);
  const located = typeof row.latitude === 'number' && typeof row.longitude === 'number';
  const venueUpdatedAt = String(raw.venue_updated_at);
  const locationUpdatedAt = String(row.updated_at);
  return {
    venue: { venueId: String(row.venue_id), name: String(raw.venue_name), siret: String(raw.venue_siret) },
    location: {
      locationId: String(row.location_id),
      name: String(row.name),
      address: String(row.address),
      postalCode: String(row.postal_code),
      communeInsee: String(row.commune_insee),
      communeName: String(row.commune_name),
      departement: String(row.departement),
      coordinates: located ? { latitude: Number(row.latitude), longitude: Number(row.longitude) } : null,
      openingHours: (row.opening_hours as string | null) ?? null,
      accessibility: (row.accessibility as string | null) ?? null,
    },
    services: raw.venue_services as VenueService[],
    updatedAt: venueUpdatedAt > locationUpdatedAt ? venueUpdatedAt : locationUpdatedAt,
  };
}
