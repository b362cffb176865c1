import {
  fromSchemaLieuDeMediationNumerique,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { onBothStores } from './support/both-stores';
import { parseRfc4180 } from './support/rfc4180';
import { auth, certifiedVenue, tokensFor, type Tokens } from './support/scenario';
import { startTestApp, type TestApp } from './support/test-app';

const BORDEAUX_CENTRE = '44.8378,-0.5792';
const BORDEAUX = { communeInsee: '33063', postalCode: '33000', latitude: 44.84, longitude: -0.58 };
const MERIGNAC = { communeInsee: '33281', postalCode: '33700', latitude: 44.8386, longitude: -0.6436 };
/** About 11 km from Bordeaux's centre: outside the default radius (10 km), inside 15 km. */
const PESSAC_EDGE = { communeInsee: '33318', postalCode: '33600', latitude: 44.78, longitude: -0.7 };
const DAX_UNLOCATED = { communeInsee: '40088', postalCode: '40100' };

/** The columns of the national standard's schema (LaMednum/standard-mediation-num), in its order. */
const STANDARD_HEADER =
  'id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,' +
  'telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,' +
  'structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,' +
  'frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,' +
  'modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv';

/** A directory record as the tests read it. */
type Lieu = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

onBothStores('the public directory of venues (GET /v1/lieux)', (kind) => {
  let t: TestApp;
  let tokens: Tokens;
  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = await tokensFor(t);
  });
  afterAll(() => t.close());

  async function venueWith(locations: Record<string, unknown>[], services: Record<string, unknown>[]) {
    const venue = await certifiedVenue(t, tokens);
    const locationIds: string[] = [];
    for (const [index, location] of locations.entries()) {
      const added = await t
        .http()
        .post(`/v1/venues/${venue.venueId}/locations`)
        .set(auth(venue.token))
        .send({ name: `Espace ${index + 1}`, address: '1 place de la République', ...location })
        .expect(201);
      locationIds.push(added.body.locationId);
    }
    const serviceIds: string[] = [];
    for (const service of services) {
      const published = await t
        .http()
        .post(`/v1/venues/${venue.venueId}/services`)
        .set(auth(venue.token))
        .send({ durationMinutes: 90, priceInVouchers: 2, ...service })
        .expect(201);
      serviceIds.push(published.body.serviceId);
    }
    return { ...venue, locationIds, serviceIds };
  }

  /** Answered without any token: the directory is public. */
  async function lieux(query: Record<string, string | number> = {}) {
    const response = await t.http().get('/v1/lieux').query(query).expect(200);
    return response.body as { total: number; limit: number; offset: number; lieux: Lieu[] };
  }

  const locationIdsOf = (records: Lieu[], among: string[]) =>
    records.map((record) => record.location.locationId as string).filter((id) => among.includes(id));

  const service = (category: string, format = 'individual', title = `Atelier ${category}`) => ({
    title,
    category,
    format,
  });

  describe('filters', () => {
    let ours: string[];
    let bordeaux: Awaited<ReturnType<typeof venueWith>>;
    let merignac: Awaited<ReturnType<typeof venueWith>>;
    let dax: Awaited<ReturnType<typeof venueWith>>;
    let pessac: Awaited<ReturnType<typeof venueWith>>;
    beforeAll(async () => {
      bordeaux = await venueWith(
        [{ ...BORDEAUX, openingHours: 'Mo-Fr 09:00-12:00', accessibility: 'plain-pied' }],
        [{ ...service('demarches-en-ligne'), regulatedTariff: true }],
      );
      merignac = await venueWith([MERIGNAC], [service('courriels', 'collective')]);
      dax = await venueWith([DAX_UNLOCATED], [service('loisirs-creation')]);
      pessac = await venueWith([PESSAC_EDGE], [service('courriels')]);
      ours = [bordeaux, merignac, dax, pessac].flatMap((venue) => venue.locationIds);
    });

    it('lists each open location of a certified venue with the venue and its services, without a token', async () => {
      const body = await lieux({ limit: 500 });
      expect(locationIdsOf(body.lieux, ours).sort()).toEqual([...ours].sort());
      const record = body.lieux.find((lieu) => lieu.location.locationId === bordeaux.locationIds[0]);
      expect(record).toMatchObject({
        venue: { venueId: bordeaux.venueId, name: 'Médiathèque', siret: expect.stringMatching(/^\d{14}$/) },
        location: {
          name: 'Espace 1',
          address: '1 place de la République',
          postalCode: '33000',
          communeInsee: '33063',
          communeName: 'Bordeaux',
          departement: '33',
          coordinates: { latitude: 44.84, longitude: -0.58 },
          openingHours: 'Mo-Fr 09:00-12:00',
          accessibility: 'plain-pied',
        },
        services: [
          {
            title: 'Atelier demarches-en-ligne',
            category: 'demarches-en-ligne',
            format: 'individual',
            durationMinutes: 90,
            priceInVouchers: 2,
            regulatedTariff: true,
          },
        ],
      });
      expect(record).not.toHaveProperty('distanceKm');
    });

    it('filters by commune, département and category', async () => {
      expect(locationIdsOf((await lieux({ commune: '33281' })).lieux, ours)).toEqual(merignac.locationIds);
      expect(locationIdsOf((await lieux({ departement: '40' })).lieux, ours)).toEqual(dax.locationIds);
      expect(locationIdsOf((await lieux({ departement: '33', limit: 500 })).lieux, ours).sort()).toEqual(
        [...bordeaux.locationIds, ...merignac.locationIds, ...pessac.locationIds].sort(),
      );
      expect(locationIdsOf((await lieux({ category: 'courriels', limit: 500 })).lieux, ours).sort()).toEqual(
        [...merignac.locationIds, ...pessac.locationIds].sort(),
      );
      const both = await lieux({ category: 'courriels', commune: '33318' });
      expect(locationIdsOf(both.lieux, ours)).toEqual(pessac.locationIds);
    });

    it('with near, keeps located places within the radius, nearest first, with their distance', async () => {
      const within10 = (await lieux({ near: BORDEAUX_CENTRE, limit: 500 })).lieux;
      expect(locationIdsOf(within10, ours)).toEqual([...bordeaux.locationIds, ...merignac.locationIds]);
      const distances = within10.map((lieu) => lieu.distanceKm as number);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances.every((distance) => distance <= 10)).toBe(true);
      const mine = within10.find((lieu) => lieu.location.locationId === merignac.locationIds[0])!;
      expect(mine.distanceKm).toBeGreaterThan(4);
      expect(mine.distanceKm).toBeLessThan(6);

      const within15 = (await lieux({ near: BORDEAUX_CENTRE, radiusKm: 15, limit: 500 })).lieux;
      expect(locationIdsOf(within15, ours)).toEqual([
        ...bordeaux.locationIds,
        ...merignac.locationIds,
        ...pessac.locationIds,
      ]);
      // Dax has no coordinates: never in a distance search, however wide.
      const wide = (await lieux({ near: BORDEAUX_CENTRE, radiusKm: 1000, limit: 500 })).lieux;
      expect(locationIdsOf(wide, dax.locationIds)).toEqual([]);
    });

    it('pages in the same order, with the total', async () => {
      const all = await lieux({ near: BORDEAUX_CENTRE, radiusKm: 15, limit: 500 });
      const pages = [];
      for (let offset = 0; offset < all.total; offset += 2)
        pages.push(...(await lieux({ near: BORDEAUX_CENTRE, radiusKm: 15, limit: 2, offset })).lieux);
      expect(pages.map((lieu) => lieu.location.locationId)).toEqual(
        all.lieux.map((lieu) => lieu.location.locationId),
      );
      const plain = await lieux({ departement: '33', limit: 1, offset: 1 });
      expect(plain).toMatchObject({ limit: 1, offset: 1 });
      expect(plain.lieux).toHaveLength(1);
      expect(plain.total).toBeGreaterThanOrEqual(3);
    });
  });

  describe('what leaves the directory', () => {
    it('drops a suspended venue, a closed location and a withdrawn service', async () => {
      const suspended = await venueWith([MERIGNAC], [service('securite-en-ligne')]);
      const closing = await venueWith(
        [MERIGNAC, BORDEAUX],
        [service('culture-numerique'), service('courriels')],
      );
      const ours = [...suspended.locationIds, ...closing.locationIds];
      expect(locationIdsOf((await lieux({ limit: 500 })).lieux, ours).sort()).toEqual([...ours].sort());

      await t
        .http()
        .delete(`/v1/venues/${suspended.venueId}/certification`)
        .set(auth(tokens.admin))
        .send({ reason: 'audit en cours' })
        .expect(200);
      await t
        .http()
        .delete(`/v1/venues/${closing.venueId}/locations/${closing.locationIds[0]}`)
        .set(auth(closing.token))
        .expect(200);
      await t
        .http()
        .delete(`/v1/venues/${closing.venueId}/services/${closing.serviceIds[0]}`)
        .set(auth(closing.token))
        .expect(200);

      const after = (await lieux({ limit: 500 })).lieux;
      expect(locationIdsOf(after, ours)).toEqual([closing.locationIds[1]]);
      const left = after.find((lieu) => lieu.location.locationId === closing.locationIds[1])!;
      expect(left.services.map((s: Lieu) => s.category)).toEqual(['courriels']);
      expect(locationIdsOf((await lieux({ category: 'culture-numerique' })).lieux, ours)).toEqual([]);
      expect(locationIdsOf((await lieux({ category: 'securite-en-ligne' })).lieux, ours)).toEqual([]);
    });

    it('drops a venue once its certification period has ended', async () => {
      const ending = await venueWith([DAX_UNLOCATED], [service('courriels')]);
      // certifiedVenue certifies until 2099: end that period now, then certify until 2030.
      await t
        .http()
        .delete(`/v1/venues/${ending.venueId}/certification`)
        .set(auth(tokens.admin))
        .send({ reason: 'renouvellement' })
        .expect(200);
      await t
        .http()
        .post(`/v1/venues/${ending.venueId}/certification`)
        .set(auth(tokens.admin))
        .send({ validUntil: '2030-01-01T00:00:00Z' })
        .expect(200);
      expect(locationIdsOf((await lieux({ departement: '40' })).lieux, ending.locationIds)).toEqual(
        ending.locationIds,
      );
      t.clock.set('2030-06-01T00:00:00.000Z');
      try {
        expect(locationIdsOf((await lieux({ departement: '40' })).lieux, ending.locationIds)).toEqual([]);
      } finally {
        t.clock.set(undefined);
      }
    });
  });

  describe('bad filters', () => {
    it.each([
      [{ commune: 'Bordeaux' }, 'request.invalid'],
      [{ commune: '99999' }, 'territory.unknown-commune'],
      [{ departement: 'Gironde' }, 'request.invalid'],
      [{ departement: '99' }, 'territory.unknown-departement'],
      [{ category: 'cuisine' }, 'request.invalid'],
      [{ near: 'Bordeaux' }, 'request.invalid'],
      [{ near: '95.1,0' }, 'request.invalid'],
      [{ near: BORDEAUX_CENTRE, radiusKm: 'loin' }, 'request.invalid'],
      [{ near: BORDEAUX_CENTRE, radiusKm: 0 }, 'request.invalid'],
      [{ radiusKm: 5 }, 'request.invalid'],
      [{ limit: 501 }, 'request.invalid'],
      [{ limit: 0 }, 'request.invalid'],
      [{ limit: 2.5 }, 'request.invalid'],
      [{ offset: -1 }, 'request.invalid'],
      [{ offset: '1e20' }, 'request.invalid'],
      [{ ville: 'Dax' }, 'request.invalid'],
    ])('refuses %j with a 400 problem (%s)', async (query, code) => {
      const response = await t.http().get('/v1/lieux').query(query).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe(`/problems/${code}`);
    });
  });

  describe('export in the national standard for lieux de médiation numérique', () => {
    let exported: SchemaLieuMediationNumerique[];
    let venue: Awaited<ReturnType<typeof venueWith>>;
    beforeAll(async () => {
      venue = await venueWith(
        [
          { ...MERIGNAC, name: 'Tiers-lieu, "La Fabrique"', openingHours: 'Mo-Fr 09:00-12:00' },
          { ...BORDEAUX, address: 'Résidence #3 @ la gare' },
        ],
        [
          service('demarches-en-ligne'),
          service('courriels', 'collective'),
          service('prendre-en-main-un-equipement'),
        ],
      );
      exported = (await t.http().get('/v1/lieux/export.json').expect(200)).body;
    });

    it('answers without a token, every record valid by the standard’s own library', async () => {
      expect(exported.length).toBeGreaterThan(0);
      for (const record of exported) expect(() => fromSchemaLieuDeMediationNumerique(record)).not.toThrow();
      const ids = new Set(exported.map((record) => record.id));
      expect(ids.size).toBe(exported.length);
    });

    it('maps a location as the standard says, and leaves out one the library refuses', async () => {
      const [kept, refused] = venue.locationIds;
      expect(exported.map((record) => record.id)).not.toContain(refused);
      const siret = (await lieux({ commune: '33281', limit: 500 })).lieux.find(
        (lieu) => lieu.location.locationId === kept,
      )!.venue.siret;
      expect(exported.find((record) => record.id === kept)).toEqual({
        id: kept,
        pivot: siret,
        nom: 'Tiers-lieu, "La Fabrique"',
        adresse: '1 place de la République',
        code_postal: '33700',
        code_insee: '33281',
        commune: 'Mérignac',
        latitude: 44.8386,
        longitude: -0.6436,
        horaires: 'Mo-Fr 09:00-12:00',
        services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
        frais_a_charge: 'Gratuit sous condition',
        modalites_accompagnement: 'Accompagnement individuel|Dans un atelier collectif',
        source: 'pass-numerique',
        date_maj: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      // The refused one is still in the directory itself: only the standard's export leaves it out.
      expect(locationIdsOf((await lieux({ limit: 500 })).lieux, [refused])).toEqual([refused]);
    });

    it("gives the same records as CSV: the standard's header, one row per location", async () => {
      const response = await t.http().get('/v1/lieux/export.csv').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [header, ...rows] = parseRfc4180(response.text);
      expect(header.join(',')).toBe(STANDARD_HEADER);
      expect(rows).toHaveLength(exported.length);
      expect(rows.every((row) => row.length === header.length)).toBe(true);
      const row = rows.find((cells) => cells[0] === venue.locationIds[0])!;
      const cell = (column: string) => row[header.indexOf(column)];
      expect(cell('nom')).toBe('Tiers-lieu, "La Fabrique"');
      expect(cell('latitude')).toBe('44.8386');
      expect(cell('frais_a_charge')).toBe('Gratuit sous condition');
      expect(rows.map((cells) => cells[0]).sort()).toEqual(exported.map((record) => record.id).sort());
    });
  });
});
