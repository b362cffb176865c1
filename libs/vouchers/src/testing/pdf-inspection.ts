/**
 * Just enough PDF reading to check what `renderBookPdf` produced, without a PDF library or
 * poppler on the machine. It understands pdfkit's own output only: uncompressed object
 * dictionaries, Flate page content streams, text as hex strings in TJ arrays.
 */
import { inflateSync } from 'node:zlib';

export interface InspectedPage {
  readonly mediaBox: readonly number[];
  /** One entry per line of text drawn, in drawing order. */
  readonly lines: readonly string[];
  /** Each image drawn, with its size on the page in points. */
  readonly images: readonly { readonly width: number; readonly height: number }[];
}

/** The bytes 0x80–0x9F differ between WinAnsi and Latin-1; these are the ones French text uses. */
const WIN_ANSI_EXTRAS: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
};

export function inspectPdfPages(pdf: Buffer): InspectedPage[] {
  const objects = indexObjects(pdf);
  const catalogPages = /\/Type \/Pages\n\/Count \d+\n\/Kids \[([^\]]*)\]/.exec(pdf.toString('latin1'));
  if (!catalogPages) throw new Error('No page tree found');
  return references(catalogPages[1]).map((pageNumber) => {
    const page = objects.dictionary(pageNumber);
    const mediaBox = /\/MediaBox \[([^\]]*)\]/.exec(page)?.[1].trim().split(/\s+/).map(Number) ?? [];
    const contentsRef = /\/Contents (\d+) 0 R/.exec(page)?.[1];
    if (!contentsRef) throw new Error(`Page ${pageNumber} has no content stream`);
    const content = objects.inflatedStream(Number(contentsRef));
    return { mediaBox, lines: textLines(content), images: imagePlacements(content) };
  });
}

/** A document information entry (Title, Author…), decoded from PDF text string encoding. */
export function pdfInfoEntry(pdf: Buffer, key: string): string | undefined {
  const objects = indexObjects(pdf);
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf.toString('latin1'))?.[1];
  if (!ref) return undefined;
  const raw = objects.body(Number(ref));
  if (raw[0] !== 0x28) throw new Error(`${key} is not a literal string`);
  return decodeTextString(unescapeLiteral(raw));
}

function indexObjects(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const offsets = new Map<number, number>();
  for (const match of text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    offsets.set(Number(match[1]), (match.index ?? 0) + match[0].length);
  }
  const body = (objectNumber: number): Buffer => {
    const start = offsets.get(objectNumber);
    if (start === undefined) throw new Error(`Object ${objectNumber} not found`);
    return pdf.subarray(start, text.indexOf('\nendobj', start));
  };
  return {
    body,
    dictionary: (objectNumber: number) => body(objectNumber).toString('latin1'),
    inflatedStream: (objectNumber: number) => {
      const raw = body(objectNumber);
      const header = raw.toString('latin1');
      const length = Number(/\/Length (\d+)/.exec(header)?.[1]);
      const dataStart = header.indexOf('stream\n') + 'stream\n'.length;
      const data = raw.subarray(dataStart, dataStart + length);
      return (header.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1');
    },
  };
}

function references(list: string): number[] {
  return [...list.matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
}

function textLines(content: string): string[] {
  return [...content.matchAll(/\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\] TJ/g)].map((match) =>
    [...match[1].matchAll(/<([0-9a-f]*)>/g)].map((hex) => decodeWinAnsi(Buffer.from(hex[1], 'hex'))).join(''),
  );
}

function imagePlacements(content: string): { width: number; height: number }[] {
  return [...content.matchAll(/([-\d.]+) 0 0 ([-\d.]+) [-\d.]+ [-\d.]+ cm\n\/I\d+ Do/g)].map((match) => ({
    width: Math.abs(Number(match[1])),
    height: Math.abs(Number(match[2])),
  }));
}

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((byte) => WIN_ANSI_EXTRAS[byte] ?? String.fromCharCode(byte)).join('');
}

function unescapeLiteral(raw: Buffer): Buffer {
  const named: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c };
  const bytes: number[] = [];
  for (let i = 1; i < raw.length && raw[i] !== 0x29; i++) {
    if (raw[i] !== 0x5c) {
      bytes.push(raw[i]);
      continue;
    }
    const escaped = String.fromCharCode(raw[++i]);
    bytes.push(named[escaped] ?? escaped.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

function decodeTextString(bytes: Buffer): string {
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return decodeWinAnsi(bytes);
  const utf16be = bytes.subarray(2);
  const swapped = Buffer.alloc(utf16be.length);
  for (let i = 0; i + 1 < utf16be.length; i += 2) {
    swapped[i] = utf16be[i + 1];
    swapped[i + 1] = utf16be[i];
  }
  return swapped.toString('utf16le');
}
