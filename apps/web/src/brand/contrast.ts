/** WCAG 2 relative luminance and contrast, to keep any brand colour readable (AA: 4.5:1). */

type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return match ? [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)] : undefined;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const NEAR_BLACK: Rgb = [22, 22, 22];
const AA = 4.5;

export interface AccentPalette {
  /** The brand colour itself: header stripe, borders. */
  readonly accent: string;
  /** Filled buttons: the accent, or its darkened ink when no text colour reads on it at 4.5:1. */
  readonly fill: string;
  /** Text on the fill: white or near-black, whichever reads better. */
  readonly onFill: string;
  /** The accent darkened until text in it reaches 4.5:1 on white and on `soft` (links, secondary buttons). */
  readonly ink: string;
  /** A pale tint for highlighted backgrounds. */
  readonly soft: string;
}

export function accentPalette(hex: string): AccentPalette | undefined {
  const rgb = parseHex(hex);
  if (!rgb) return undefined;
  // Links sit on white and on the pale tint (the current page in the menu): readable on both.
  const soft = mix(rgb, WHITE, 0.9);
  let ink = rgb;
  for (let step = 0; contrast(ink, soft) < AA && step < 40; step++) ink = mix(ink, BLACK, 0.08);
  const onAccent: Rgb = contrast(rgb, WHITE) >= contrast(rgb, NEAR_BLACK) ? WHITE : NEAR_BLACK;
  const readable = contrast(rgb, onAccent) >= AA;
  return {
    accent: toHex(rgb),
    fill: toHex(readable ? rgb : ink),
    onFill: toHex(readable ? onAccent : WHITE),
    ink: toHex(ink),
    soft: toHex(soft),
  };
}

function mix(a: Rgb, b: Rgb, weightOfB: number): Rgb {
  // Rounded at once: contrasts are checked on the colours actually written out.
  return [0, 1, 2].map((i) => Math.round(a[i] * (1 - weightOfB) + b[i] * weightOfB)) as unknown as Rgb;
}
