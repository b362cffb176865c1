import type { Browser, Page } from 'playwright-core';
import { formatVoucherCode } from '@pass/vouchers';
import { startTestApp, type TestApp } from '../support/test-app';
import { readyToRedeem } from '../support/scenario';
import { describeInBrowser, launchBrowser, newContext, signInWithDevForm } from './support/browser';
import { ensureWebApp } from './support/web-build';

// page.evaluate runs these in the browser; the Node tests have no DOM types.
declare const document: { activeElement: { id: string; textContent: string | null } };
declare function getComputedStyle(element: unknown): { outlineStyle: string };

/** The venue's scanner with the network: typed codes, their mask and check character, outcomes. */
describeInBrowser('web scanner (/app/scan)', () => {
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

  /** Counts the redemption requests the page sends, to prove a typo never leaves the phone. */
  function countRedemptionRequests(page: Page): () => number {
    let count = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/redemptions') && request.method() === 'POST') count++;
    });
    return () => count;
  }

  it('accepts a typed code with its amount, refuses it again as "déjà utilisé", flags a wrong check character before sending', async () => {
    const { venue, book } = await readyToRedeem(t, 3);
    const context = await newContext(browser);
    const page = await context.newPage();
    const sent = countRedemptionRequests(page);
    await signInWithDevForm(page, t.baseUrl, 'venue', venue.venueId);
    await page.waitForURL('**/app/scan');
    await page.getByRole('heading', { level: 1, name: 'Scanner un chèque' }).waitFor();

    const code = page.getByLabel(/Code du chèque/);
    const formatted = formatVoucherCode(book.vouchers[0].code);
    await code.pressSequentially(formatted.replace(/-/g, '').toLowerCase());
    expect(await code.inputValue()).toBe(formatted);
    await page.getByText('Code complet, caractère de contrôle correct.').waitFor();
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'Chèque' });
    await outcome.getByText('Chèque accepté : 10,00 €').waitFor();

    await code.pressSequentially(formatted);
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
    await outcome.getByText('Chèque refusé : déjà utilisé').waitFor();
    expect(sent()).toBe(2);

    const second = book.vouchers[1].code.replace(/-/g, ''); // the API answers codes formatted
    const wrongCheck = second.slice(0, 12) + (second[12] === '0' ? '1' : '0');
    await code.pressSequentially(wrongCheck);
    await page.getByText(/Code invalide : le dernier caractère/).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
    await page.waitForTimeout(300); // a request, if one were sent, would start at once
    expect(sent()).toBe(2);

    // With the session price: the voucher pays min(face value, price).
    await code.fill('');
    await code.pressSequentially(second);
    await page.getByLabel(/Prix de la séance/).fill('7,50');
    await page.getByRole('button', { name: 'Valider le chèque' }).click();
    await outcome.getByText('Chèque accepté : 7,50 €').waitFor();

    const redeemed = (await t.allEvents()).filter((event) => event.type === 'VoucherRedeemed.v1');
    expect(redeemed.map((event) => (event.data as { amountCents: number }).amountCents).sort()).toEqual([
      1000, 750,
    ]);
    await context.close();
  });

  it('can be used with the keyboard alone, with the focus visible at each step', async () => {
    const { venue, book } = await readyToRedeem(t, 1);
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithDevForm(page, t.baseUrl, 'venue', venue.venueId);
    await page.goto(`${t.baseUrl}/app/scan`);
    await page.getByRole('heading', { level: 1, name: 'Scanner un chèque' }).waitFor();

    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return { id: element.id, text: element.textContent?.trim() ?? '', outline: style.outlineStyle };
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Aller au contenu' });
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('contenu');

    const stops: string[] = [];
    for (let i = 0; i < 10 && (await focused()).id !== 'voucher-code'; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      expect(now.outline).not.toBe('none');
      stops.push(now.id || now.text);
    }
    expect(stops).toEqual(['Scanner avec la caméra', 'voucher-code']);
    await page.keyboard.type(book.vouchers[0].code);
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('service-price');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Lecteur externe ou texte du QR code');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Valider le chèque');
    expect((await focused()).outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByText('Chèque accepté : 10,00 €').waitFor();
    await context.close();
  });
});
