import { renderBookPdf } from './book-pdf';
import { qrPngBuffer } from './qr-image';
import { inspectPdfPages } from './testing/pdf-inspection';
import { sampleBook } from './testing/sample-book';

const MM = 72 / 25.4;

describe("renderBookPdf with the payer's logo", () => {
  it('prints the logo in a corner of every page, at most 12 mm, beside the QR code', async () => {
    const logo = await qrPngBuffer('logo', { pixelsPerModule: 2 }); // any real PNG
    const pages = inspectPdfPages(await renderBookPdf(sampleBook({ voucherCount: 2, payerLogoPng: logo })));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.images).toHaveLength(2);
      const [qr, printedLogo] = page.images;
      expect(qr.width).toBeGreaterThan(40 * MM);
      expect(Math.max(printedLogo.width, printedLogo.height)).toBeLessThanOrEqual(12 * MM + 0.01);
      expect(page.lines).toContain('Offert par Département de la Gironde');
    }
  });

  it('prints no logo when the payer has none', async () => {
    const [page] = inspectPdfPages(await renderBookPdf(sampleBook({ voucherCount: 1 })));
    expect(page.images).toHaveLength(1);
  });
});
