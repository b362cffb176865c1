import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { PAYER, readyToRedeem, redeem } from '../support/scenario';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { freePort, startOidcProvider, type RunningProvider } from './support/oidc-provider';
import { ensureWebApp } from './support/web-build';

// page.evaluate runs this in the browser; the Node tests have no DOM types.
declare const sessionStorage: { getItem(key: string): string | null };

/**
 * Sign-in through a real OpenID Connect provider (authorization code + PKCE), whose claims the API
 * maps to role and org, then the collectivité's dashboard: figures, map and tables.
 */
describeInBrowser('sign-in through OpenID Connect, then the dashboard', () => {
  let t: TestApp;
  let provider: RunningProvider;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebApp();
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    [t, browser] = await Promise.all([
      // The test keeps signing its setup with the shared secret; people come through the provider.
      startTestApp('pglite', {
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENT_ID: 'pass-web',
        OIDC_SCOPE: 'openid profile pass',
        AUTH_JWKS_URL: `${issuer}/jwks`,
        OIDC_ROLE_CLAIM: 'pass_role',
        OIDC_ORG_CLAIM: 'siren',
      }),
      launchBrowser(),
    ]);
    provider = await startOidcProvider(port, t.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await provider?.stop();
    await t?.close();
  });

  /** The redeemed amounts the map and the département table show, by département code. */
  async function mapAndTable(page: Page) {
    await page.getByTestId('spend-map').locator('path').first().waitFor();
    const map = await page.$$eval('[data-testid="spend-map"] path', (paths) =>
      paths.map((path) => [path.getAttribute('data-code'), Number(path.getAttribute('data-cents'))] as const),
    );
    const table = await page.$$eval('#table-departements tbody tr[data-code]', (rows) =>
      rows.map(
        (row) =>
          [
            row.getAttribute('data-code'),
            Number(row.querySelector('td[data-cents]')?.getAttribute('data-cents')),
          ] as const,
      ),
    );
    return {
      map: Object.fromEntries(map.filter(([, cents]) => cents > 0)),
      table: Object.fromEntries(table),
    };
  }

  it('signs a payer in at the provider, then shows the redeemed total, the map agreeing with the table', async () => {
    const { venue, book } = await readyToRedeem(t, 3);
    await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(201);

    const context = await newContext(browser);
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('framenavigated', (frame) => urls.push(frame.url()));
    await page.goto(`${t.baseUrl}/app/`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill(`payer-${PAYER}`);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL('**/app/tableau-de-bord', { timeout: 20_000 });
    await page.getByText(`Collectivité (financeur)`).waitFor();

    const redeemed = page.locator('[data-figure="Utilisé"] dd');
    await expect(redeemed.textContent()).resolves.toBe('10,00 €');
    expect(await mapAndTable(page)).toEqual({ map: { '33': 1000 }, table: { '33': 1000 } });

    // Another redemption: the dashboard, reloaded, counts it (the session survives the reload).
    await redeem(t, venue.token, { qr: book.vouchers[1].qr }).expect(201);
    await page.reload();
    await page.getByText('Collectivité (financeur)').waitFor();
    await expect(page.locator('[data-figure="Utilisé"] dd').textContent()).resolves.toBe('20,00 €');
    expect(await mapAndTable(page)).toEqual({ map: { '33': 2000 }, table: { '33': 2000 } });
    await page.locator('#table-communes tbody tr[data-code="33063"]').waitFor();
    await page.getByRole('row', { name: /Médiathèque/ }).waitFor();

    // The code travelled in the callback URL (it is single-use, bound to PKCE); tokens never did.
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('pass.session') ?? '{}').token);
    expect(token.split('.')).toHaveLength(3);
    expect(urls.some((url) => url.includes(token) || /access_token|id_token/.test(url))).toBe(false);
    expect(page.url()).toBe(`${t.baseUrl}/app/tableau-de-bord`);
    await context.close();
  });

  it('offers no development sign-in when a provider is configured', async () => {
    await t.http().post('/v1/dev/token').send({ role: 'admin', org: 'x' }).expect(404);
    const config = await t.http().get('/v1/web/config').expect(200);
    expect(config.body).toMatchObject({
      devSignIn: false,
      oidc: { issuer: provider.issuer, clientId: 'pass-web' },
    });
  });
});
