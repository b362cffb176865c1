import { renderBookPdf } from './book-pdf';
import { inspectPdfPages, pdfInfoEntry } from './testing/pdf-inspection';
import { sampleBook } from './testing/sample-book';

const A6_IN_POINTS = [0, 0, 297.64, 419.53];
const FOUR_CM_IN_POINTS = (40 / 25.4) * 72;

describe('renderBookPdf', () => {
  const book = sampleBook({ voucherCount: 3 });
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderBookPdf(book);
  });

  it('produces a PDF document', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  });

  it('prints exactly one A6 page per voucher', () => {
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(3);
    expect(raw).toMatch(/\/Type \/Pages\n\/Count 3\n/);
    expect(inspectPdfPages(pdf).map((page) => page.mediaBox)).toEqual(Array(3).fill(A6_IN_POINTS));
  });

  it('prints on each page the value, the validity, the manual code and the position in the book', () => {
    inspectPdfPages(pdf).forEach((page, index) => {
      const code = book.vouchers[index].code;
      expect(page.lines).toEqual([
        'Pass numérique',
        'Chèques APTIC – Gironde 2026',
        'Offert par Département de la Gironde',
        '10,00 €',
        "Valable jusqu'au 31/12/2026",
        'à partir du 01/01/2026',
        'Code à saisir si le QR code ne se lit pas',
        `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code[12]}`,
        `Chèque ${index + 1} / 3`,
        'Carnet book-42',
      ]);
    });
  });

  it('draws one square QR image per page, at least 4 cm wide', () => {
    for (const page of inspectPdfPages(pdf)) {
      expect(page.images).toHaveLength(1);
      const [qr] = page.images;
      expect(qr.width).toBeGreaterThanOrEqual(FOUR_CM_IN_POINTS);
      expect(qr.height).toBeCloseTo(qr.width, 5);
    }
  });

  it('uses only standard fonts, so nothing is embedded and the code is monospaced', () => {
    const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/([\w-]+)/g)].map((match) => match[1]);
    expect(new Set(fonts)).toEqual(
      new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Courier-Bold']),
    );
    expect(pdf.toString('latin1')).not.toContain('/FontFile');
  });

  it('sets the title and author from the brand and the book', async () => {
    const branded = await renderBookPdf(sampleBook({ voucherCount: 1 }), {
      name: 'Chèques Numérique Bordeaux',
    });
    expect(pdfInfoEntry(branded, 'Title')).toBe('Chèques Numérique Bordeaux – carnet book-42');
    expect(pdfInfoEntry(branded, 'Author')).toBe('Chèques Numérique Bordeaux');
    expect(pdfInfoEntry(pdf, 'Author')).toBe('Pass numérique');
  });

  it('keeps a very long programme name to two lines, on the same page', async () => {
    const longName = 'Programme départemental d’inclusion numérique '.repeat(6).trim();
    const long = await renderBookPdf(sampleBook({ programmeName: longName, voucherCount: 1 }));
    const pages = inspectPdfPages(long);
    expect(pages).toHaveLength(1);
    const programmeLines = pages[0].lines.slice(
      1,
      pages[0].lines.indexOf('Offert par Département de la Gironde'),
    );
    expect(programmeLines).toHaveLength(2);
    expect(programmeLines[1].endsWith('…')).toBe(true);
  });

  it('refuses an empty book', async () => {
    await expect(renderBookPdf({ ...book, vouchers: [] })).rejects.toThrow(/no vouchers/);
  });

  it('refuses to print a QR code on the wrong voucher', async () => {
    const [first, second] = book.vouchers;
    const mixedUp = { ...book, vouchers: [{ ...first, qrText: second.qrText }] };
    await expect(renderBookPdf(mixedUp)).rejects.toThrow(/names another voucher/);
  });
});
