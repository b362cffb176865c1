import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { certifiedVenue, readyToRedeem, redeem } from '../support/scenario';
import { describeInBrowser, launchBrowser, newContext, signInWithDevForm } from './support/browser';
import { ensureWebApp } from './support/web-build';

// page.evaluate runs this in the browser; the Node tests have no DOM types.
declare const navigator: { serviceWorker: { controller: unknown } };

interface Redeemed {
  voucherId: string;
  venueId: string;
  scannedAt: string;
}

/** The scanner with no network: the service worker, the IndexedDB queue, the sync when it returns. */
describeInBrowser('web scanner offline', () => {
  let t: TestApp;
  let browser: Browser;
  let closed = false;

  beforeAll(async () => {
    await ensureWebApp();
    [t, browser] = await Promise.all([startTestApp('pglite'), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (!closed) await t?.close();
  });

  async function redemptions(): Promise<Redeemed[]> {
    return (await t.allEvents())
      .filter((event) => event.type === 'VoucherRedeemed.v1')
      .map((event) => event.data as Redeemed);
  }

  /** Signs in as the venue and waits until the app can work offline: worker in control, keys kept. */
  async function scannerReadyForOffline(context: BrowserContext, venueId: string): Promise<Page> {
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'venue', venueId);
    await page.waitForURL('**/app/scan');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    await page.getByText('Vérification hors ligne prête').waitFor();
    return page;
  }

  async function scanQrText(page: Page, text: string): Promise<void> {
    const field = page.getByLabel('Contenu du QR code');
    if (!(await field.isVisible())) await page.getByText('Lecteur externe ou texte du QR code').click();
    await field.fill(text);
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
  }

  it('queues two valid scans and refuses a forged one offline; back online each gets its outcome, none is sent twice', async () => {
    const { tokens, venue, book } = await readyToRedeem(t, 3);
    const elsewhere = await certifiedVenue(t, tokens);
    const context = await newContext(browser);
    const page = await scannerReadyForOffline(context, venue.venueId);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/redemptions') && request.method() === 'POST')
        posts.push(request.headers()['idempotency-key']);
    });

    await context.setOffline(true);
    await page.getByText(/^Hors ligne/).waitFor();
    const outcome = page.getByRole('status').filter({ hasText: 'Chèque' });
    await scanQrText(page, book.vouchers[0].qr);
    await outcome.getByText('Chèque mis en attente').waitFor();
    await scanQrText(page, book.vouchers[1].qr);
    await outcome.getByText(new RegExp(`Chèque mis en attente.*${book.vouchers[1].voucherId}`)).waitFor();
    // Voucher 3's id under voucher 1's signature: refused without any network.
    const [prefix, keyId, , signature] = book.vouchers[0].qr.split('.');
    await scanQrText(page, `${prefix}.${keyId}.${book.vouchers[2].voucherId}.${signature}`);
    await outcome.getByText('Chèque refusé : code invalide').waitFor();
    await page.getByText("2 chèques en attente d'envoi.").waitFor();
    const queue = page.getByRole('list', { name: 'Chèques enregistrés hors ligne' });
    expect(await queue.getByRole('listitem').count()).toBe(2);
    const offlineUntil = new Date().toISOString();

    // Meanwhile, voucher 2 is spent at another venue.
    await redeem(t, elsewhere.token, { qr: book.vouchers[1].qr }).expect(201);
    expect(posts).toEqual([]);

    await context.setOffline(false);
    const first = queue.getByRole('listitem').filter({ hasText: book.vouchers[0].voucherId });
    const second = queue.getByRole('listitem').filter({ hasText: book.vouchers[1].voucherId });
    await first.getByText('Accepté, 10,00 €').waitFor();
    await second.getByText('Refusé : déjà utilisé').waitFor();
    await page.getByText('Tous les chèques enregistrés hors ligne ont été envoyés.').waitFor();

    // A reload sends nothing again: the outcomes are kept on the phone.
    await page.reload();
    await first.getByText('Accepté, 10,00 €').waitFor();
    await page.waitForTimeout(500);
    expect(posts).toHaveLength(2);
    expect(new Set(posts).size).toBe(2);

    const log = await redemptions();
    expect(log.map((r) => [r.voucherId, r.venueId]).sort()).toEqual(
      [
        [book.vouchers[0].voucherId, venue.venueId],
        [book.vouchers[1].voucherId, elsewhere.venueId],
      ].sort(),
    );
    // The queued scan keeps the time it was taken, not the time it was sent.
    const queued = log.find((r) => r.voucherId === book.vouchers[0].voucherId) as Redeemed;
    expect(queued.scannedAt <= offlineUntil).toBe(true);
    await context.close();
  });

  it('opens the scanner from the service worker with the network off after a first visit', async () => {
    const { venue } = await readyToRedeem(t, 1);
    const context = await newContext(browser);
    const page = await scannerReadyForOffline(context, venue.venueId);

    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Scanner un chèque' }).waitFor();
    await page.getByText(/^Hors ligne/).waitFor();

    // With the API stopped too, a new tab (no session: it is kept per tab) opens the scanner for
    // the venue last signed in on this device; its scans wait for it to sign in again.
    await t.close();
    closed = true;
    const again = await context.newPage();
    const fresh = await again.goto(`${t.baseUrl}/app/scan`);
    expect(fresh?.fromServiceWorker()).toBe(true);
    await again.getByRole('heading', { level: 1, name: 'Scanner un chèque' }).waitFor();
    await again.getByText("Vous n'êtes pas connecté").waitFor();
    await context.close();
  });
});
