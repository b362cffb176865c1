import { Injectable } from '@nestjs/common';
import { selectDirectory, type DirectoryEntry, type DirectoryFilter } from '@pass/projections';
import { Clock } from '../infrastructure/clock';
import { ProblemException } from '../problems/problem.exception';
import { ReadModelsService } from '../projections/read-models.service';
import { DEFAULT_RADIUS_KM, type DirectoryRequest } from './directory.request';
import { boxAround, parseGeoPoint, type GeoPoint } from './geo-point';
import { withinRadius, type DirectoryRecord } from './within-radius';

const DEFAULT_LIMIT = 100;

/**
 * The public directory from the venue-directory read model: certified venues (at the clock's
 * instant), their open locations and published services. Distance needs every candidate measured
 * before a page is cut, so with `near` the database narrows to a box and the page is cut here.
 */
@Injectable()
export class ListDirectoryHandler {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly clock: Clock,
  ) {}

  async execute(request: DirectoryRequest) {
    const filter = this.filterOf(request);
    const near = request.near === undefined ? undefined : this.pointOf(request.near);
    const page = { limit: request.limit ?? DEFAULT_LIMIT, offset: request.offset ?? 0 };
    await this.readModels.fresh('venue-directory');
    let total: number;
    let records: DirectoryRecord[];
    if (near) {
      const radiusKm = request.radiusKm ?? DEFAULT_RADIUS_KM;
      const candidates = await selectDirectory(this.readModels.sql, {
        ...filter,
        box: boxAround(near, radiusKm),
      });
      const inRange = withinRadius(candidates.entries, near, radiusKm);
      total = inRange.length;
      records = inRange.slice(page.offset, page.offset + page.limit);
    } else {
      ({ total, entries: records } = await selectDirectory(this.readModels.sql, filter, page));
    }
    return { total, limit: page.limit, offset: page.offset, lieux: records };
  }

  /** Every certified location, for the standard's export. */
  async all(): Promise<DirectoryEntry[]> {
    await this.readModels.fresh('venue-directory');
    return (await selectDirectory(this.readModels.sql, { at: this.clock.now() })).entries;
  }

  private filterOf(request: DirectoryRequest): DirectoryFilter {
    if (request.radiusKm !== undefined && request.near === undefined)
      throw new ProblemException('request.invalid', 'radiusKm goes with near=<latitude>,<longitude>');
    const insee = this.readModels.insee;
    if (request.commune !== undefined && !insee.commune(request.commune))
      throw new ProblemException('territory.unknown-commune', `no commune ${request.commune}`);
    if (request.departement !== undefined && !insee.departementName(request.departement))
      throw new ProblemException('territory.unknown-departement', `no département ${request.departement}`);
    return {
      at: this.clock.now(),
      communeInsee: request.commune,
      departement: request.departement,
      category: request.category,
    };
  }

  private pointOf(near: string): GeoPoint {
    const point = parseGeoPoint(near);
    if (!point)
      throw new ProblemException('request.invalid', 'near must be a latitude (±90) and a longitude (±180)');
    return point;
  }
}
