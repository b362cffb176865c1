import { accentPalette } from './contrast';

export interface WebConfig {
  readonly brand: { readonly name: string; readonly color: string; readonly logoUrl: string | null };
  readonly oidc: { readonly issuer: string; readonly clientId: string; readonly scope: string } | null;
  readonly devSignIn: boolean;
}

const KEY = 'pass.web-config';
const FALLBACK: WebConfig = {
  brand: { name: 'Pass numérique', color: '#31589b', logoUrl: null },
  oidc: null,
  devSignIn: false,
};

/** GET /v1/web/config, remembered so that the app opens offline with the deployment's brand. */
export async function loadWebConfig(): Promise<WebConfig> {
  try {
    const response = await fetch('/v1/web/config', { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const config = (await response.json()) as WebConfig;
    localStorage.setItem(KEY, JSON.stringify(config));
    return config;
  } catch {
    const remembered = localStorage.getItem(KEY);
    return remembered ? (JSON.parse(remembered) as WebConfig) : FALLBACK;
  }
}

export function applyBrand(config: WebConfig): void {
  const palette = accentPalette(config.brand.color);
  const root = document.documentElement.style;
  if (palette) {
    root.setProperty('--accent', palette.accent);
    root.setProperty('--accent-ink', palette.ink);
    root.setProperty('--fill', palette.fill);
    root.setProperty('--on-fill', palette.onFill);
    root.setProperty('--accent-soft', palette.soft);
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', palette.accent);
  }
}
