/**
 * QR code images for voucher payloads. Error correction level M restores up to ~15% of the
 * symbol, enough for a printed voucher that got folded, stained or scratched in a wallet.
 */
import { toBuffer, toString } from 'qrcode';

export interface QrImageOptions {
  /** Pixels per QR module. An integer keeps every module the same size, so edges stay sharp. */
  readonly pixelsPerModule?: number;
}

const ERROR_CORRECTION_LEVEL = 'M';
/** The 4-module light border the QR standard requires around the symbol for scanners to lock on. */
const QUIET_ZONE_MODULES = 4;
const DEFAULT_PIXELS_PER_MODULE = 8;
/**
 * Grayscale without alpha (colorType 0): a PDF embeds such a PNG as is, where an alpha channel
 * makes pdfkit split it pixel by pixel into a soft mask (80× slower, 5× larger PDF).
 * pngjs by default tries all five row filters on every row, in plain JavaScript; each row of a
 * QR image mostly repeats the row above, so the "Up" filter (2) alone is faster and compresses
 * better with standard deflate.
 */
const PNG_ENCODER_OPTIONS = { colorType: 0, filterType: 2, deflateLevel: 9, deflateStrategy: 0 };

export function qrPngBuffer(text: string, options: QrImageOptions = {}): Promise<Buffer> {
  return toBuffer(text, {
    errorCorrectionLevel: ERROR_CORRECTION_LEVEL,
    margin: QUIET_ZONE_MODULES,
    scale: checkedPixelsPerModule(options),
    type: 'png',
    rendererOpts: PNG_ENCODER_OPTIONS,
  });
}

export async function qrPngDataUrl(text: string, options: QrImageOptions = {}): Promise<string> {
  return `data:image/png;base64,${(await qrPngBuffer(text, options)).toString('base64')}`;
}

/** Scales without loss, for web pages and print pipelines that accept vector images. */
export function qrSvg(text: string): Promise<string> {
  return toString(text, {
    errorCorrectionLevel: ERROR_CORRECTION_LEVEL,
    margin: QUIET_ZONE_MODULES,
    type: 'svg',
  });
}

function checkedPixelsPerModule({ pixelsPerModule = DEFAULT_PIXELS_PER_MODULE }: QrImageOptions): number {
  if (!Number.isInteger(pixelsPerModule) || pixelsPerModule < 1) {
    throw new RangeError(`pixelsPerModule must be a positive integer, got ${pixelsPerModule}`);
  }
  return pixelsPerModule;
}
