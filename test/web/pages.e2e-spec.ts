import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { auth, PAYER, readyToRedeem, redeem } from '../support/scenario';
import {
  describeInBrowser,
  launchBrowser,
  newContext,
  screenshotAtBothWidths,
  signInWithDevForm,
} from './support/browser';
import { ensureWebApp } from './support/web-build';

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#b34700"/><path d="M12 21l6 6 11-13" stroke="#fff" stroke-width="4" fill="none"/></svg>`;

const PAYER_LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#1d3f72"/><text x="60" y="26" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">Gironde</text></svg>`;

/**
 * Every page of the app with data in it, branded: no serious or critical accessibility violation
 * (axe-core, WCAG 2.1 A and AA rules), and screenshots at phone and desktop widths for reviewers.
 */
describeInBrowser('web pages: accessibility and screenshots', () => {
  let t: TestApp;
  let browser: Browser;
  let venueId: string;

  beforeAll(async () => {
    await ensureWebApp();
    const logo = join(mkdtempSync(join(tmpdir(), 'brand-')), 'logo.svg');
    writeFileSync(logo, LOGO);
    [t, browser] = await Promise.all([
      startTestApp('pglite', {
        BRAND_NAME: 'Pass numérique Gironde',
        BRAND_COLOR: '#e07a10', // too light for text on white: the app darkens it for links
        BRAND_LOGO_PATH: logo,
      }),
      launchBrowser(),
    ]);
    const { tokens, venue, book } = await readyToRedeem(t, 4);
    venueId = venue.venueId;
    await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(201);
    await redeem(t, venue.token, { qr: book.vouchers[1].qr, servicePriceCents: 800 }).expect(201);
    await settleWhenReady(tokens.payer);
    // The collectivité's own name and logo, shown on its dashboard.
    await t
      .http()
      .put(`/v1/payers/${PAYER}/branding`)
      .set(auth(tokens.payer))
      .send({ displayName: 'Département de la Gironde' })
      .expect(200);
    await t
      .http()
      .put(`/v1/payers/${PAYER}/logo`)
      .set(auth(tokens.payer))
      .set('Content-Type', 'image/svg+xml')
      .send(PAYER_LOGO)
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** POST /v1/settlements answers 503 while the payables of fresh redemptions are being recorded. */
  async function settleWhenReady(payerToken: string) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await t.http().post('/v1/settlements').set(auth(payerToken)).send({});
      if (response.status === 201) return;
      if (response.status !== 503 || Date.now() > deadline)
        throw new Error(`settlement: ${response.status} ${JSON.stringify(response.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function seriousViolations(page: Page) {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
  }

  it('serves the brand: name, colour and logo', async () => {
    const config = await t.http().get('/v1/web/config').expect(200);
    expect(config.body.brand).toEqual({
      name: 'Pass numérique Gironde',
      color: '#e07a10',
      logoUrl: '/v1/web/brand-logo',
    });
    const logo = await t.http().get('/v1/web/brand-logo').expect(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
  });

  it('sign-in page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/app/`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: 'Pass numérique Gironde' }).locator('img').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtBothWidths(page, 'connexion');
    await context.close();
  });

  it('scanner, with a result and the offline queue', async () => {
    const { book } = await readyToRedeem(t, 2);
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'venue', venueId);
    await page.getByText('Vérification hors ligne prête').waitFor();
    await context.setOffline(true);
    await page.getByText('Lecteur externe ou texte du QR code').click();
    await page.getByLabel('Contenu du QR code').fill(book.vouchers[1].qr);
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
    await page.getByText('Chèque mis en attente').waitFor();
    await context.setOffline(false);
    await page.getByText('Accepté, 10,00 €').waitFor();
    await page.getByLabel(/Code du chèque/).pressSequentially(book.vouchers[0].code);
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
    await page.getByText('Chèque accepté : 10,00 €').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtBothWidths(page, 'scanner');

    await page.getByLabel(/Code du chèque/).pressSequentially('ABCD-EFGH-JKMN-0');
    await page.getByText(/Code invalide/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtBothWidths(page, 'scanner-code-invalide');
    await context.close();
  });

  it('venue history', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'venue', venueId);
    await page.getByRole('link', { name: 'Historique' }).click();
    await page.getByRole('heading', { level: 1, name: 'Historique du lieu' }).waitFor();
    await page.getByRole('table', { name: /Chèques enregistrés/ }).waitFor();
    await page.getByRole('table', { name: 'Lots de remboursement' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le CSV des chèques' }).click();
    expect((await download).suggestedFilename()).toBe('cheques-enregistres.csv');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtBothWidths(page, 'historique');
    await context.close();
  });

  it('dashboard', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'payer', PAYER);
    await page.waitForURL('**/app/tableau-de-bord');
    await page.getByTestId('spend-map').locator('path[data-code="33"]').waitFor();
    await page.getByRole('img', { name: 'Logo de Département de la Gironde' }).waitFor();
    await page.getByRole('table', { name: 'Par commune' }).waitFor();
    await page.getByRole('table', { name: /Lots de remboursement/ }).waitFor();
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le CSV par commune' }).click();
    expect((await csv).suggestedFilename()).toBe('depenses-par-commune.csv');
    const pdf = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /Imprimer/ })
      .first()
      .click();
    expect((await pdf).suggestedFilename()).toMatch(/^carnet-.+\.pdf$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtBothWidths(page, 'tableau-de-bord');
    await context.close();
  });
});
