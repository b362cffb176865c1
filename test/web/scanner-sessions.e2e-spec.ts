import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatVoucherCode } from '@pass/vouchers';
import { startTestApp, type TestApp } from '../support/test-app';
import { auth, readyToRedeem, redeem } from '../support/scenario';
import {
  describeInBrowser,
  launchBrowser,
  newContext,
  screenshotAtBothWidths,
  signInWithDevForm,
} from './support/browser';
import { ensureWebApp } from './support/web-build';

// page.evaluate runs these in the browser; the Node tests have no DOM types.
declare const navigator: { serviceWorker: { controller: unknown } };
declare const document: { activeElement: { id: string } | null };
interface BrowserIdbRequest<T> {
  result: T;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onupgradeneeded: (() => void) | null;
}
interface BrowserIdb {
  version: number;
  objectStoreNames: { contains(name: string): boolean };
  createObjectStore(
    name: string,
    options?: { keyPath: string },
  ): { createIndex(name: string, key: string): void };
  transaction(
    store: string,
    mode: 'readwrite',
  ): {
    objectStore(name: string): { put(value: unknown): void };
    oncomplete: (() => void) | null;
    onerror: (() => void) | null;
  };
  close(): void;
}
declare const indexedDB: { open(name: string, version?: number): BrowserIdbRequest<BrowserIdb> };

interface Redeemed {
  voucherId: string;
  venueId: string;
  amountCents: number;
  sessionId?: string;
  locationId?: string;
  service?: { serviceId: string };
}

const BORDEAUX = { communeInsee: '33063', postalCode: '33000' };
const MERIGNAC = { communeInsee: '33281', postalCode: '33700' };

/** Sessions paid with several vouchers, at one of the venue's locations, online and offline. */
describeInBrowser('web scanner: locations, services and sessions of several vouchers', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebApp();
    [t, browser] = await Promise.all([startTestApp('pglite'), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function redemptions(): Promise<Redeemed[]> {
    return (await t.allEvents())
      .filter((event) => event.type === 'VoucherRedeemed.v1')
      .map((event) => event.data as Redeemed);
  }

  /** The venue's redemptions: exactly `voucherIds`, all in one session, at `locationId`. */
  async function expectOneSession(venueId: string, voucherIds: string[], locationId: string) {
    const log = (await redemptions()).filter((r) => r.venueId === venueId);
    expect(log.map((r) => r.voucherId).sort()).toEqual([...voucherIds].sort());
    expect(new Set(log.map((r) => r.sessionId)).size).toBe(1);
    expect(log[0].sessionId).toMatch(/^ses_/);
    expect(log.every((r) => r.locationId === locationId)).toBe(true);
    return log;
  }

  /** A venue with two locations in the programme's territory and a service of `price` vouchers. */
  async function venueWithSessions(price: number, regulatedTariff: boolean, vouchersPerBook = 5) {
    const scenario = await readyToRedeem(t, vouchersPerBook);
    const { venueId, token } = scenario.venue;
    const addLocation = async (name: string, commune: typeof BORDEAUX) =>
      (
        await t
          .http()
          .post(`/v1/venues/${venueId}/locations`)
          .set(auth(token))
          .send({ name, address: '1 place de la République', ...commune })
          .expect(201)
      ).body.locationId as string;
    const bordeaux = await addLocation('Médiathèque Meriadeck', BORDEAUX);
    const merignac = await addLocation('Espace numérique', MERIGNAC);
    const published = await t
      .http()
      .post(`/v1/venues/${venueId}/services`)
      .set(auth(token))
      .send({
        title: 'Atelier démarches en ligne',
        category: 'demarches-en-ligne',
        format: 'collective',
        durationMinutes: 90,
        priceInVouchers: price,
        regulatedTariff,
      })
      .expect(201);
    return { ...scenario, bordeaux, merignac, serviceId: published.body.serviceId as string };
  }

  /** The POSTs to /v1/redemptions, by Idempotency-Key. */
  function redemptionPosts(page: Page): string[] {
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/redemptions') && request.method() === 'POST')
        keys.push(request.headers()['idempotency-key']);
    });
    return keys;
  }

  async function openScanner(context: BrowserContext, venueId: string): Promise<Page> {
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'venue', venueId);
    await page.waitForURL('**/app/scan');
    await page.getByRole('heading', { level: 1, name: 'Scanner un chèque' }).waitFor();
    return page;
  }

  const submitButton = (page: Page) =>
    page.getByRole('button', { name: /^(Valider le chèque|Ajouter le chèque à la séance)$/ });

  async function scanQrText(page: Page, text: string): Promise<void> {
    const field = page.getByLabel('Contenu du QR code');
    if (!(await field.isVisible())) await page.getByText('Lecteur externe ou texte du QR code').click();
    await field.fill(text);
    await submitButton(page).click();
  }

  async function typeCode(page: Page, code: string): Promise<void> {
    await page.getByLabel(/Code du chèque/).fill(formatVoucherCode(code));
    await page.getByText('Code complet, caractère de contrôle correct.').waitFor();
    await submitButton(page).click();
  }

  const outcome = (page: Page): Locator =>
    page.getByRole('status').filter({ has: page.locator('[data-outcome]') });
  const progress = (page: Page): Locator => page.getByTestId('session-progress');

  it('records a session of three vouchers at the chosen location, as one request, and remembers the choice', async () => {
    const { venue, book, merignac, serviceId } = await venueWithSessions(3, true);
    const context = await newContext(browser);
    const page = await openScanner(context, venue.venueId);
    const posts = redemptionPosts(page);
    const place = page.getByLabel('Lieu de la séance');
    const service = page.getByLabel('Prestation');
    await service.waitFor();
    expect(await place.inputValue()).toBe('');

    // Two locations: none is taken for granted, and nothing is sent without one.
    await scanQrText(page, book.vouchers[0].qr);
    await page.getByText('Choisissez le lieu de la séance avant de scanner.').waitFor();
    expect(await place.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scan-location');
    await place.selectOption({ label: 'Espace numérique (Mérignac)' });
    await service.selectOption({ label: 'Atelier démarches en ligne, 3 chèques, tarif réglementé' });
    // A service is priced in vouchers: no price to type, and no early validation at a regulated tariff.
    expect(await page.getByLabel(/Prix de la séance/).count()).toBe(0);

    await scanQrText(page, book.vouchers[0].qr);
    await progress(page).getByText('1 chèque sur 3').waitFor();
    await page.getByText(`Chèque ${book.vouchers[0].voucherId} ajouté : 1 chèque sur 3.`).waitFor();
    await scanQrText(page, book.vouchers[0].qr);
    await page.getByText(`Le chèque ${book.vouchers[0].voucherId} est déjà dans la séance.`).waitFor();
    await typeCode(page, book.vouchers[1].code);
    await progress(page).getByText('2 chèques sur 3').waitFor();
    expect(await page.getByRole('button', { name: /^Valider avec/ }).count()).toBe(0);
    // The selects stay as they are while the session is collected.
    expect(await service.isDisabled()).toBe(true);

    await page.getByRole('button', { name: `Retirer le chèque ${book.vouchers[0].voucherId}` }).click();
    await progress(page).getByText('1 chèque sur 3').waitFor();
    const list = page.getByRole('list', { name: 'Chèques de la séance' });
    expect(await list.getByRole('listitem').count()).toBe(1);
    await scanQrText(page, book.vouchers[2].qr);
    await progress(page).getByText('2 chèques sur 3').waitFor();
    expect(posts).toEqual([]);
    await scanQrText(page, book.vouchers[0].qr);

    await outcome(page).getByText('Séance acceptée : 30,00 €').waitFor();
    const amounts = outcome(page).getByRole('list', { name: 'Montant de chaque chèque' });
    for (const voucher of book.vouchers.slice(0, 3))
      await amounts.getByText(`${voucher.voucherId} : 10,00 €`).waitFor();
    await amounts.getByText('Total : 30,00 €').waitFor();
    expect(posts).toHaveLength(1);

    const threeVouchers = book.vouchers.slice(0, 3).map((v) => v.voucherId);
    const log = await expectOneSession(venue.venueId, threeVouchers, merignac);
    expect(log.every((r) => r.service?.serviceId === serviceId)).toBe(true);

    // The choice is kept on the device.
    await page.reload();
    await progress(page).getByText('0 chèque sur 3').waitFor();
    expect(await service.inputValue()).toBe(serviceId);
    expect(await place.inputValue()).toBe(merignac);
    await context.close();
  });

  it('keeps a session taken offline, with the selects from the phone, and sends it when the network returns', async () => {
    const { venue, book, bordeaux } = await venueWithSessions(3, true);
    const context = await newContext(browser);
    const page = await openScanner(context, venue.venueId);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    await page.getByText('Vérification hors ligne prête').waitFor();
    await page.getByLabel('Prestation').waitFor();
    const posts = redemptionPosts(page);

    // Offline, the page comes from the service worker and the selects from IndexedDB.
    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByText(/^Hors ligne/).waitFor();
    await page.getByLabel('Lieu de la séance').selectOption({ label: 'Médiathèque Meriadeck (Bordeaux)' });
    await page
      .getByLabel('Prestation')
      .selectOption({ label: 'Atelier démarches en ligne, 3 chèques, tarif réglementé' });
    for (const voucher of book.vouchers.slice(0, 3)) await scanQrText(page, voucher.qr);

    await outcome(page).getByText('Séance mise en attente').waitFor();
    await page.getByText("3 chèques en attente d'envoi.").waitFor();
    const queue = page.getByRole('list', { name: 'Chèques enregistrés hors ligne' });
    const item = queue.getByRole('listitem').filter({ hasText: 'Atelier démarches en ligne : 3 chèques' });
    await item.getByText("En attente d'envoi").waitFor();
    expect(posts).toEqual([]);

    await context.setOffline(false);
    await item.getByText('Accepté, 30,00 €').waitFor();
    await page.getByText('Tous les chèques enregistrés hors ligne ont été envoyés.').waitFor();
    expect(posts).toHaveLength(1);

    const threeVouchers = book.vouchers.slice(0, 3).map((v) => v.voucherId);
    await expectOneSession(venue.venueId, threeVouchers, bordeaux);
    await context.close();
  });

  it('still sends a single scan kept by the previous version of the phone database', async () => {
    const { venue, book } = await readyToRedeem(t, 1);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/app/`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    // What version 1 of the scanner left on a phone: its stores and a scan waiting to be sent.
    const old = {
      id: `old-${venue.venueId}`,
      venueId: venue.venueId,
      input: { qr: book.vouchers[0].qr },
      label: book.vouchers[0].voucherId,
      servicePriceCents: 750,
      scannedAt: new Date().toISOString(),
      queued: true,
      state: 'pending',
      attempts: 0,
    };
    await page.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('pass-numerique-scanner', 1);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('scans', { keyPath: 'id' }).createIndex('byVenue', 'venueId');
            request.result.createObjectStore('keys');
          };
          request.onerror = () => reject(new Error('cannot open the database'));
          request.onsuccess = () => {
            const tx = request.result.transaction('scans', 'readwrite');
            tx.objectStore('scans').put(record);
            tx.oncomplete = () => (request.result.close(), resolve());
            tx.onerror = () => reject(new Error('cannot write the scan'));
          };
        }),
      old,
    );

    await signInWithDevForm(page, t.baseUrl, 'venue', venue.venueId);
    await page.waitForURL('**/app/scan');
    const queue = page.getByRole('list', { name: 'Chèques enregistrés hors ligne' });
    await queue
      .getByRole('listitem')
      .filter({ hasText: book.vouchers[0].voucherId })
      .getByText('Accepté, 7,50 €')
      .waitFor();

    const upgraded = await page.evaluate(
      () =>
        new Promise<{ version: number; venues: boolean; choices: boolean }>((resolve) => {
          const request = indexedDB.open('pass-numerique-scanner');
          request.onsuccess = () => {
            const db = request.result;
            resolve({
              version: db.version,
              venues: db.objectStoreNames.contains('venues'),
              choices: db.objectStoreNames.contains('choices'),
            });
            db.close();
          };
        }),
    );
    expect(upgraded).toEqual({ version: 2, venues: true, choices: true });
    const log = (await redemptions()).filter((r) => r.venueId === venue.venueId);
    expect(log.map((r) => [r.voucherId, r.amountCents])).toEqual([[book.vouchers[0].voucherId, 750]]);
    await context.close();
  });

  it("shows a session on the venue's history page as one entry listing its vouchers, with its location and service", async () => {
    const { venue, book, merignac, bordeaux, serviceId } = await venueWithSessions(3, true);
    await redeem(t, venue.token, {
      vouchers: book.vouchers.slice(0, 3).map((voucher) => ({ qr: voucher.qr })),
      serviceId,
      locationId: merignac,
    }).expect(201);
    await redeem(t, venue.token, { qr: book.vouchers[3].qr, locationId: bordeaux }).expect(201);

    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'venue', venue.venueId);
    await page.getByRole('link', { name: 'Historique' }).click();
    const table = page.getByRole('table', { name: /Chèques enregistrés/ });
    const session = table
      .getByRole('row')
      .filter({ hasText: 'Séance : Atelier démarches en ligne — 3 chèques, 30,00 €' });
    await session.waitFor();
    // One row per session and per voucher alone, under the header row.
    expect(await table.getByRole('row').count()).toBe(3);
    await session.getByRole('cell', { name: 'Espace numérique' }).waitFor();
    await session.getByText('Démarches en ligne', { exact: true }).waitFor();
    const vouchers = session.getByRole('list', { name: /^Chèques de la séance du / });
    expect(await vouchers.getByRole('listitem').allTextContents()).toEqual(
      book.vouchers.slice(0, 3).map((voucher) => `${voucher.voucherId} : 10,00 €`),
    );
    const alone = table.getByRole('row').filter({ hasText: book.vouchers[3].voucherId });
    await alone.getByRole('cell', { name: 'Médiathèque Meriadeck' }).waitFor();
    await alone.getByRole('cell', { name: 'Non précisée' }).waitFor();
    expect(await alone.getByRole('list').count()).toBe(0);

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await screenshotAtBothWidths(page, 'historique-seance');
    await context.close();
  });

  it('has no accessibility violation with the selects and a session under way, and validates early without a regulated tariff; a refused session spends nothing', async () => {
    const { venue, book, serviceId } = await venueWithSessions(2, false);
    const context = await newContext(browser);
    const page = await openScanner(context, venue.venueId);
    await page.getByLabel('Prestation').waitFor();
    await page.getByLabel('Lieu de la séance').selectOption({ label: 'Espace numérique (Mérignac)' });
    await page.getByLabel('Prestation').selectOption(serviceId);
    await scanQrText(page, book.vouchers[0].qr);
    await progress(page).getByText('1 chèque sur 2').waitFor();

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await screenshotAtBothWidths(page, 'scanner-seance');

    await page.getByRole('button', { name: 'Valider avec 1 chèque' }).click();
    await outcome(page).getByText('Séance acceptée : 10,00 €').waitFor();
    const log = (await redemptions()).filter((r) => r.venueId === venue.venueId);
    expect(log.map((r) => r.voucherId)).toEqual([book.vouchers[0].voucherId]);
    expect(log[0].sessionId).toBeDefined();

    // All or none: a session holding a voucher already used is refused, and its other voucher is not spent.
    await scanQrText(page, book.vouchers[1].qr);
    await progress(page).getByText('1 chèque sur 2').waitFor();
    await scanQrText(page, book.vouchers[0].qr);
    await outcome(page).getByText('Séance refusée : déjà utilisé').waitFor();
    await outcome(page)
      .getByText(/Aucun chèque n'a été utilisé/)
      .waitFor();
    const after = (await redemptions()).filter((r) => r.venueId === venue.venueId);
    expect(after.map((r) => r.voucherId)).toEqual([book.vouchers[0].voucherId]);
    await context.close();
  });
});
