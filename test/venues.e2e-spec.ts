import { streams } from '@pass/domain';
import { signDevelopmentToken } from '../apps/api/src/auth/token-signer';
import { onBothStores } from './support/both-stores';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';
import {
  auth,
  certifiedVenue,
  distribute,
  issueBooks,
  openProgramme,
  randomSiret,
  readyToRedeem,
  redeem,
  tokensFor,
} from './support/scenario';

const MERIGNAC = { communeInsee: '33281', postalCode: '33700' };
const DAX = { communeInsee: '40088', postalCode: '40100' };

function location(commune: { communeInsee: string; postalCode: string }, name = 'Espace numérique') {
  return { name, address: '1 place de la République', ...commune, latitude: 44.84, longitude: -0.65 };
}

function service(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Démarches CAF en ligne',
    category: 'demarches-en-ligne',
    format: 'individual',
    durationMinutes: 90,
    priceInVouchers: 3,
    ...overrides,
  };
}

/** Event data as the tests read it: loosely typed, each test checks the fields it names. */
type EventData = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function eventsOfType(t: TestApp, type: string): Promise<EventData[]> {
  return (await t.allEvents()).filter((event) => event.type === type).map((event) => event.data as EventData);
}

onBothStores('venues as the scheme runs them', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { REDEMPTION_RATE_LIMIT: '100000' });
  });
  afterAll(() => t.close());

  describe('onboarding', () => {
    it('registers a SIRET once, even when ten registrations of it race; the 409 names the venue', async () => {
      const tokens = await tokensFor(t);
      const siret = randomSiret();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          t
            .http()
            .post('/v1/venues')
            .set(auth(tokens.admin))
            .send({ siret, name: 'Tiers-lieu', communeInsee: '33281' }),
        ),
      );
      const created = responses.filter((response) => response.status === 201);
      expect(created).toHaveLength(1);
      const refused = responses.filter((response) => response.status === 409);
      expect(refused).toHaveLength(9);
      refused.forEach((response) => expect(response.body.venueId).toBe(created[0].body.venueId));
      const registered = await eventsOfType(t, 'VenueRegistered.v1');
      expect(registered.filter((event) => event.siret === siret)).toHaveLength(1);
    });

    it("changes a venue's identity only through an admin, as an event, and keeps SIRETs unique", async () => {
      const tokens = await tokensFor(t);
      const venue = await certifiedVenue(t, tokens);
      const other = await certifiedVenue(t, tokens);
      await t
        .http()
        .patch(`/v1/venues/${venue.venueId}`)
        .set(auth(venue.token))
        .send({ name: 'Autre nom' })
        .expect(403);
      const changed = await t
        .http()
        .patch(`/v1/venues/${venue.venueId}`)
        .set(auth(tokens.admin))
        .send({ name: 'Médiathèque Jacques Ellul', communeInsee: '33281' })
        .expect(200);
      expect(changed.body.changed.sort()).toEqual(['communeInsee', 'departement', 'name']);
      const otherSiret = (await eventsOfType(t, 'VenueRegistered.v1')).find(
        (e) => e.venueId === other.venueId,
      )?.siret;
      const taken = await t
        .http()
        .patch(`/v1/venues/${venue.venueId}`)
        .set(auth(tokens.admin))
        .send({ siret: otherSiret })
        .expect(409);
      expect(taken.body.venueId).toBe(other.venueId);
      const view = await t.http().get(`/v1/venues/${venue.venueId}`).set(auth(venue.token)).expect(200);
      expect(view.body).toMatchObject({
        name: 'Médiathèque Jacques Ellul',
        communeInsee: '33281',
        certified: true,
      });
      const changes = (await eventsOfType(t, 'VenueIdentityChanged.v1')).filter(
        (e) => e.venueId === venue.venueId,
      );
      expect(changes).toHaveLength(1);
    });
  });

  describe('locations', () => {
    it('applies the territory rule to the location named by the redemption', async () => {
      const { tokens, venue, book } = await readyToRedeem(t);
      const add = (body: object) =>
        t.http().post(`/v1/venues/${venue.venueId}/locations`).set(auth(venue.token)).send(body).expect(201);
      const inGironde = (await add(location(MERIGNAC, 'Mérignac centre'))).body.locationId;
      const inLandes = (await add(location(DAX, 'Dax'))).body.locationId;

      const unnamed = await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(422);
      expect(unnamed.body.type).toBe('/problems/location.required');
      const outside = await redeem(t, venue.token, { qr: book.vouchers[0].qr, locationId: inLandes }).expect(
        422,
      );
      expect(outside.body.type).toBe('/problems/venue.out-of-territory');
      await redeem(t, venue.token, { qr: book.vouchers[0].qr, locationId: inGironde }).expect(201);
      const [redeemed] = (await eventsOfType(t, 'VoucherRedeemed.v1')).filter(
        (e) => e.voucherId === book.vouchers[0].voucherId,
      );
      expect(redeemed.locationId).toBe(inGironde);

      await t
        .http()
        .delete(`/v1/venues/${venue.venueId}/locations/${inLandes}`)
        .set(auth(tokens.admin))
        .expect(200);
      // One open location left: it is the default.
      await redeem(t, venue.token, { qr: book.vouchers[1].qr }).expect(201);
    });

    it('refuses a postal code of another commune and changes nothing', async () => {
      const { venue } = await readyToRedeem(t);
      // The venue's own stream: the settlement reactor may still be recording earlier redemptions.
      const venueEvents = async () =>
        (await t.allEvents()).filter((event) => event.streamId === streams.venue(venue.venueId)).length;
      const before = await venueEvents();
      const refused = await t
        .http()
        .post(`/v1/venues/${venue.venueId}/locations`)
        .set(auth(venue.token))
        .send(location({ communeInsee: '33281', postalCode: '40100' }))
        .expect(400);
      expect(refused.body.type).toBe('/problems/location.invalid');
      expect(await venueEvents()).toBe(before);
    });
  });

  describe('members', () => {
    it('lets only members act once the venue lists them, and records which one scanned', async () => {
      const { venue, book } = await readyToRedeem(t);
      const signIn = (sub: string) =>
        signDevelopmentToken(TEST_JWT_SECRET, { role: 'venue', org: venue.venueId, sub });
      const alice = await signIn('agent-alice');
      const bob = await signIn('agent-bob');
      const added = await t
        .http()
        .post(`/v1/venues/${venue.venueId}/members`)
        .set(auth(alice))
        .send({ subject: 'agent-alice', label: 'Accueil' })
        .expect(201);
      const stranger = await redeem(t, bob, { qr: book.vouchers[0].qr }).expect(403);
      expect(stranger.body.type).toBe('/problems/venue.not-a-member');
      // Nor does a stranger read the venue's history or redirect its payments.
      await t.http().get('/v1/web/redemptions').set(auth(bob)).expect(403);
      await t
        .http()
        .put(`/v1/venues/${venue.venueId}/bank-account`)
        .set(auth(bob))
        .send({ iban: 'FR76 3000 6000 0112 3456 7890 189', holder: 'Mallory' })
        .expect(403);
      await t.http().get('/v1/web/redemptions').set(auth(alice)).expect(200);
      await t
        .http()
        .post(`/v1/venues/${venue.venueId}/members`)
        .set(auth(alice))
        .send({ subject: 'agent-bob', label: 'Atelier' })
        .expect(201);
      await redeem(t, alice, { qr: book.vouchers[0].qr }).expect(201);
      await redeem(t, bob, { qr: book.vouchers[1].qr }).expect(201);
      const redeemed = (await eventsOfType(t, 'VoucherRedeemed.v1')).filter((e) => e.bookId === book.bookId);
      expect(redeemed.find((e) => e.voucherId === book.vouchers[0].voucherId)?.agentId).toBe(
        added.body.memberId,
      );
      expect(JSON.stringify(redeemed)).not.toContain('agent-alice');
    });
  });

  describe('approved venues', () => {
    it('refuses a venue the payer has not approved, until it does, and again after withdrawal', async () => {
      const tokens = await tokensFor(t);
      const venue = await certifiedVenue(t, tokens);
      const programmeId = await openProgramme(t, tokens, { approvedVenuesOnly: true });
      const [book] = await issueBooks(t, tokens, programmeId, 1, 3);
      await distribute(t, tokens, book.bookId);

      const refused = await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(422);
      expect(refused.body.type).toBe('/problems/venue.not-approved');
      await t
        .http()
        .post(`/v1/programmes/${programmeId}/approved-venues`)
        .set(auth(tokens.otherPayer))
        .send({ venueId: venue.venueId })
        .expect(404);
      await t
        .http()
        .post(`/v1/programmes/${programmeId}/approved-venues`)
        .set(auth(tokens.payer))
        .send({ venueId: venue.venueId })
        .expect(200);
      await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(201);
      const listed = await t
        .http()
        .get(`/v1/programmes/${programmeId}/approved-venues`)
        .set(auth(tokens.payer))
        .expect(200);
      expect(listed.body.venues).toEqual([
        expect.objectContaining({ venueId: venue.venueId, name: 'Médiathèque' }),
      ]);
      await t
        .http()
        .get(`/v1/programmes/${programmeId}/approved-venues`)
        .set(auth(tokens.otherPayer))
        .expect(404);
      await t
        .http()
        .delete(`/v1/programmes/${programmeId}/approved-venues/${venue.venueId}`)
        .set(auth(tokens.payer))
        .expect(200);
      await redeem(t, venue.token, { qr: book.vouchers[1].qr }).expect(422);
      const after = await t
        .http()
        .get(`/v1/programmes/${programmeId}/approved-venues`)
        .set(auth(tokens.payer))
        .expect(200);
      expect(after.body.venues).toEqual([]);
    });
  });

  describe('sessions paid with several vouchers', () => {
    async function venueWithService(serviceOverrides: Record<string, unknown> = {}) {
      const scenario = await readyToRedeem(t, 10);
      const published = await t
        .http()
        .post(`/v1/venues/${scenario.venue.venueId}/services`)
        .set(auth(scenario.venue.token))
        .send(service(serviceOverrides))
        .expect(201);
      return { ...scenario, serviceId: published.body.serviceId as string };
    }

    it('redeems three vouchers for one service together and lists each amount', async () => {
      const { venue, book, serviceId } = await venueWithService();
      const vouchers = book.vouchers.slice(0, 3).map(({ qr }) => ({ qr }));
      const answer = await redeem(t, venue.token, { vouchers, serviceId }).expect(201);
      expect(answer.body.totalCents).toBe(3000);
      expect(answer.body.redemptions.map((r: { amountCents: number }) => r.amountCents)).toEqual([
        1000, 1000, 1000,
      ]);
      const redeemed = (await eventsOfType(t, 'VoucherRedeemed.v1')).filter((e) => e.bookId === book.bookId);
      expect(redeemed).toHaveLength(3);
      expect(new Set(redeemed.map((e) => e.sessionId))).toEqual(new Set([answer.body.sessionId]));
      expect(redeemed[0].service).toMatchObject({ serviceId, category: 'demarches-en-ligne' });
    });

    it('redeems none of them when one was already used', async () => {
      const { venue, book, serviceId } = await venueWithService();
      await redeem(t, venue.token, { qr: book.vouchers[2].qr }).expect(201);
      const vouchers = book.vouchers.slice(0, 3).map(({ code }) => ({ code }));
      const refused = await redeem(t, venue.token, { vouchers, serviceId }).expect(409);
      expect(refused.body.type).toBe('/problems/voucher.already-redeemed');
      const redeemed = (await eventsOfType(t, 'VoucherRedeemed.v1')).filter((e) => e.bookId === book.bookId);
      expect(redeemed.map((e) => e.voucherId)).toEqual([book.vouchers[2].voucherId]);
    });

    it('lets exactly one of 20 concurrent three-voucher sessions sharing a voucher succeed', async () => {
      const tokens = await tokensFor(t);
      const { venue, book, serviceId, programmeId } = await venueWithService();
      const more = await issueBooks(t, tokens, programmeId, 4, 10);
      await Promise.all(more.map((other) => distribute(t, tokens, other.bookId)));
      const shared = book.vouchers[0];
      const spare = more.flatMap((other) => other.vouchers);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          redeem(t, venue.token, {
            vouchers: [{ qr: shared.qr }, { qr: spare[2 * i].qr }, { qr: spare[2 * i + 1].qr }],
            serviceId,
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      const bookIds = new Set([book.bookId, ...more.map((other) => other.bookId)]);
      const redeemed = (await eventsOfType(t, 'VoucherRedeemed.v1')).filter((e) => bookIds.has(e.bookId));
      expect(redeemed).toHaveLength(3);
      expect(redeemed.filter((e) => e.voucherId === shared.voucherId)).toHaveLength(1);
    });

    it('holds a regulated tariff to exactly its price in vouchers, and a programme to its categories', async () => {
      const { venue, book, serviceId } = await venueWithService({
        regulatedTariff: true,
        priceInVouchers: 3,
      });
      const two = book.vouchers.slice(0, 2).map(({ qr }) => ({ qr }));
      const short = await redeem(t, venue.token, { vouchers: two, serviceId }).expect(422);
      expect(short.body.type).toBe('/problems/redemption.voucher-count');

      const tokens = await tokensFor(t);
      const restricted = await openProgramme(t, tokens, { serviceCategories: ['securite-en-ligne'] });
      const [other] = await issueBooks(t, tokens, restricted, 1, 3);
      await distribute(t, tokens, other.bookId);
      const all = other.vouchers.map(({ qr }) => ({ qr }));
      const notCovered = await redeem(t, venue.token, { vouchers: all, serviceId }).expect(422);
      expect(notCovered.body.type).toBe('/problems/service.category-not-covered');
      expect(
        (await eventsOfType(t, 'VoucherRedeemed.v1')).filter((e) => e.bookId === other.bookId),
      ).toHaveLength(0);
    });

    it('refuses vouchers of books handed to different beneficiaries', async () => {
      const { tokens, venue, book, serviceId, programmeId } = await venueWithService();
      const [other] = await issueBooks(t, tokens, programmeId, 1, 3);
      await t
        .http()
        .post(`/v1/books/${other.bookId}/distribution`)
        .set(auth(tokens.payer))
        .send({ distributorId: 'ccas-bordeaux', beneficiaryRef: 'dossier-77' })
        .expect(200);
      const mixed = await redeem(t, venue.token, {
        vouchers: [{ qr: book.vouchers[0].qr }, { qr: other.vouchers[0].qr }],
        serviceId,
      }).expect(422);
      expect(mixed.body.type).toBe('/problems/redemption.mixed-beneficiaries');
    });
  });
});
