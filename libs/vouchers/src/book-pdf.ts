/**
 * A printable book of vouchers: one A6 page per voucher, to be printed on A6 card or four to an
 * A4 sheet and cut. Only the PDF standard fonts are used, so nothing has to be embedded and
 * pdfkit finds their metrics in its own package.
 */
import PDFDocument from 'pdfkit';
import { qrPngBuffer } from './qr-image';
import { Brand, DEFAULT_BRAND, PrintableBook, VoucherFace, voucherFace } from './voucher-face';

const POINTS_PER_MM = 72 / 25.4;
const MARGIN = 8 * POINTS_PER_MM;
/** Includes the quiet zone; the symbol itself is about 5 cm wide, and scanners need at least 4. */
const QR_SIZE = 60 * POINTS_PER_MM;
/** About 300 dpi at QR_SIZE for a typical payload, so module edges stay sharp when printed. */
const QR_PIXELS_PER_MODULE = 12;
/** Room for the hint and the code under the QR image. */
const CODE_BLOCK_HEIGHT = 34;
const INK = '#111111';
const MUTED = '#555555';
const RULE = '#bbbbbb';

export async function renderBookPdf(book: PrintableBook, brand: Brand = DEFAULT_BRAND): Promise<Buffer> {
  if (book.vouchers.length === 0) throw new RangeError(`Book ${book.bookId} has no vouchers to print`);
  // Every face is built, and so validated, before anything is drawn.
  const faces = book.vouchers.map((_, index) => voucherFace(book, index, brand));
  const qrImages = await Promise.all(
    book.vouchers.map((voucher) => qrPngBuffer(voucher.qrText, { pixelsPerModule: QR_PIXELS_PER_MODULE })),
  );

  const doc = new PDFDocument({
    size: 'A6',
    // Zero margins stop pdfkit from starting a new page when text nears the bottom edge;
    // the layout below keeps its own margins.
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `${brand.name} – carnet ${book.bookId}`,
      Author: brand.name,
      Subject: `${book.programmeName} : ${faces.length} chèques de ${faces[0].value}`,
    },
  });
  const pdf = collect(doc);
  faces.forEach((face, index) => {
    doc.addPage();
    drawVoucher(doc, face, qrImages[index]);
    if (book.payerLogoPng) drawLogo(doc, book.payerLogoPng);
  });
  doc.end();
  return pdf;
}

function drawVoucher(doc: PDFKit.PDFDocument, face: VoucherFace, qrPng: Buffer): void {
  const { width, height } = doc.page;
  let y = MARGIN;
  y = centeredText(doc, face.title, y, { font: 'Helvetica-Bold', size: 16 });
  y = centeredText(doc, face.programme, y + 2, { font: 'Helvetica', size: 10, color: MUTED, maxLines: 2 });
  if (face.offeredBy) {
    y = centeredText(doc, face.offeredBy, y + 1, { font: 'Helvetica-Oblique', size: 8, color: MUTED });
  }

  y += 6;
  doc
    .moveTo(MARGIN, y)
    .lineTo(width - MARGIN, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  y = centeredText(doc, face.value, y + 8, { font: 'Helvetica-Bold', size: 30 });
  y = centeredText(doc, face.validUntil, y + 2, { font: 'Helvetica-Bold', size: 10 });
  y = centeredText(doc, face.validFrom, y, { font: 'Helvetica', size: 8, color: MUTED });

  const footerTop = height - MARGIN - 20;
  // Centres the QR code and its manual code in whatever space the header left.
  y += Math.max(0, (footerTop - y - QR_SIZE - CODE_BLOCK_HEIGHT) / 2);
  doc.image(qrPng, (width - QR_SIZE) / 2, y, { width: QR_SIZE, height: QR_SIZE });
  y = centeredText(doc, face.codeHint, y + QR_SIZE, { font: 'Helvetica', size: 7.5, color: MUTED });
  centeredText(doc, face.code, y + 2, { font: 'Courier-Bold', size: 18 });

  centeredText(doc, face.position, footerTop, { font: 'Helvetica-Bold', size: 9 });
  centeredText(doc, face.bookLabel, footerTop + 11, { font: 'Helvetica', size: 7, color: MUTED });
}

const LOGO_BOX = 12 * POINTS_PER_MM;

/** The payer's logo in the bottom-left corner, beside the footer, where it moves nothing else. */
function drawLogo(doc: PDFKit.PDFDocument, png: Buffer): void {
  const { height } = doc.page;
  doc.image(png, MARGIN, height - MARGIN - LOGO_BOX, { fit: [LOGO_BOX, LOGO_BOX], valign: 'bottom' });
}

interface TextStyle {
  readonly font: string;
  readonly size: number;
  readonly color?: string;
  /** Longer text is cut with an ellipsis rather than pushing the QR code off the page. */
  readonly maxLines?: number;
}

/** Draws text centred between the margins and returns the y just below it. */
function centeredText(doc: PDFKit.PDFDocument, text: string, y: number, style: TextStyle): number {
  doc
    .font(style.font)
    .fontSize(style.size)
    .fillColor(style.color ?? INK);
  const maxHeight = doc.currentLineHeight(true) * (style.maxLines ?? 1);
  doc.text(text, MARGIN, y, {
    width: doc.page.width - 2 * MARGIN,
    align: 'center',
    height: maxHeight,
    ellipsis: true,
  });
  return doc.y;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
