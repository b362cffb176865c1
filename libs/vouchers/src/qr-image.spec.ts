import { create } from 'qrcode';
import { qrPngBuffer, qrPngDataUrl, qrSvg } from './qr-image';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const QUIET_ZONE = 4;
const PAYLOAD = 'PN1.k1.voucher-1.' + 'aB3_-'.repeat(17) + 'a';

/** Width of the symbol in modules for a given error correction level, quiet zone included. */
function modulesWithQuietZone(level: 'L' | 'M' | 'Q' | 'H'): number {
  return create(PAYLOAD, { errorCorrectionLevel: level }).modules.size + 2 * QUIET_ZONE;
}

function pngWidth(png: Buffer): number {
  return png.readUInt32BE(16);
}

describe('QR images', () => {
  it('uses a payload whose symbol size tells the error correction levels apart', () => {
    const sizes = (['L', 'M', 'Q', 'H'] as const).map(modulesWithQuietZone);
    expect(new Set(sizes).size).toBe(4);
  });

  it('renders a grayscale PNG at level M with the quiet zone, 8 pixels per module by default', async () => {
    const png = await qrPngBuffer(PAYLOAD);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngWidth(png)).toBe(modulesWithQuietZone('M') * 8);
    // 8-bit grayscale without alpha, which a PDF can embed without decoding it.
    expect({ bitDepth: png[24], colorType: png[25] }).toEqual({ bitDepth: 8, colorType: 0 });
  });

  it('renders at the requested number of pixels per module', async () => {
    const png = await qrPngBuffer(PAYLOAD, { pixelsPerModule: 3 });
    expect(pngWidth(png)).toBe(modulesWithQuietZone('M') * 3);
  });

  it.each([0, 2.5, -1])('refuses %p pixels per module', async (pixelsPerModule) => {
    await expect(async () => qrPngBuffer(PAYLOAD, { pixelsPerModule })).rejects.toThrow(RangeError);
  });

  it('renders the same PNG as a data URL', async () => {
    const dataUrl = await qrPngDataUrl(PAYLOAD, { pixelsPerModule: 2 });
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(png).toEqual(await qrPngBuffer(PAYLOAD, { pixelsPerModule: 2 }));
  });

  it('renders an SVG at level M with the quiet zone', async () => {
    const svg = await qrSvg(PAYLOAD);
    const size = modulesWithQuietZone('M');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});
