import type { PayerLogoMediaType } from '@pass/domain/branding/payer-branding.events';

export const MAX_LOGO_BYTES = 100 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_PNG_SIDE = 4096;

export type LogoCheck =
  | { readonly ok: true; readonly mediaType: PayerLogoMediaType }
  | {
      readonly ok: false;
      readonly reason: 'too-large' | 'unsupported-type' | 'invalid';
      readonly detail: string;
    };

/**
 * A payer's logo, as uploaded: a PNG or an SVG of at most 100 kB whose bytes are what its
 * Content-Type says. An SVG is only accepted without anything active or external in it (scripts,
 * event handlers, foreign objects, entities, links out): it is shown in pages and could otherwise
 * carry code or track readers. It is served with a CSP that runs nothing, as a second guard.
 */
export function checkLogo(bytes: Buffer, contentType: string | undefined): LogoCheck {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'image/png' && type !== 'image/svg+xml')
    return { ok: false, reason: 'unsupported-type', detail: 'a logo is image/png or image/svg+xml' };
  if (bytes.length === 0) return { ok: false, reason: 'invalid', detail: 'the logo is empty' };
  if (bytes.length > MAX_LOGO_BYTES)
    return { ok: false, reason: 'too-large', detail: `a logo is at most ${MAX_LOGO_BYTES / 1024} kB` };
  return type === 'image/png' ? checkPng(bytes) : checkSvg(bytes);
}

function checkPng(bytes: Buffer): LogoCheck {
  if (
    bytes.length < 24 ||
    PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte) ||
    bytes.toString('ascii', 12, 16) !== 'IHDR'
  )
    return { ok: false, reason: 'invalid', detail: 'this is not a PNG image' };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE)
    return { ok: false, reason: 'invalid', detail: `a PNG logo is at most ${MAX_PNG_SIDE} pixels a side` };
  return { ok: true, mediaType: 'image/png' };
}

const SVG_FORBIDDEN: [RegExp, string][] = [
  [/<!(doctype|entity)/i, 'a DOCTYPE or an entity'],
  [/<script/i, 'a script'],
  [/<(foreignobject|iframe|embed|object|audio|video|animate|set)\b/i, 'embedded or animated content'],
  [/\son[a-z]+\s*=/i, 'an event handler'],
  [/javascript:|data:text\/html/i, 'a script URL'],
  [/(href|src)\s*=\s*["']?\s*(https?:|\/\/)/i, 'a link to another site'],
  [/@import|url\(\s*["']?\s*(https?:|\/\/)/i, 'an external style or resource'],
];

function checkSvg(bytes: Buffer): LogoCheck {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid', detail: 'an SVG logo is UTF-8 text' };
  }
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  if (!/^<svg[\s>]/i.test(body) || !/<\/svg>\s*$/i.test(body))
    return { ok: false, reason: 'invalid', detail: 'this is not an SVG image' };
  for (const [pattern, what] of SVG_FORBIDDEN)
    if (pattern.test(text))
      return { ok: false, reason: 'invalid', detail: `an SVG logo may not contain ${what}` };
  return { ok: true, mediaType: 'image/svg+xml' };
}
