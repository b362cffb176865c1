import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// page.evaluate runs these in the browser; the Node tests have no DOM types.
declare const document: { documentElement: { scrollWidth: number }; fonts: { ready: Promise<unknown> } };
declare const window: { innerWidth: number };

/** Debian's chromium (.ci/run installs it with apt-get); playwright-core downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.CI === 'true';

/**
 * `describe` when chromium is installed. Without it: a loud skip locally, and a failure in CI,
 * where a missing browser must not pass for a green run.
 */
export const describeInBrowser: jest.Describe = (() => {
  if (available) return describe;
  if (required)
    return ((name: string, fn: () => void) =>
      describe(name, () => {
        beforeAll(() => {
          throw new Error(
            `chromium is required in CI but ${CHROMIUM} does not exist (apt-get install chromium)`,
          );
        });
        fn();
      })) as jest.Describe;
  console.warn(
    `\n[tests] Browser suites are SKIPPED: no chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
  return ((name: string, fn: () => void) =>
    describe.skip(`${name} [SKIPPED: no chromium]`, fn)) as jest.Describe;
})();

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

export function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
}

const ARTIFACTS = join(__dirname, '../../artifacts');

/** Full-page screenshots for reviewers, at phone and desktop widths (test/artifacts, git-ignored). */
export async function screenshotAtBothWidths(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const [label, viewport] of [
    ['telephone', PHONE],
    ['bureau', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.fonts.ready);
    // Usable at 360 px means no sideways scrolling of the page (wide tables scroll in their box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) throw new Error(`${name} is ${overflow}px wider than a ${viewport.width}px screen`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** The development sign-in form, as a person fills it. */
export async function signInWithDevForm(
  page: Page,
  baseUrl: string,
  role: string,
  org: string,
): Promise<void> {
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('Type de compte').selectOption(role);
  await page.getByLabel(/Organisation/).fill(org);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}
