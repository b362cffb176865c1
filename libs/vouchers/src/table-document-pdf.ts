/**
 * A plain A4 document for the finance side (credit notes, reconciliation reports): a title, a few
 * lines of context, and tables of label / value rows. Standard fonts only, as for the carnets.
 */
import PDFDocument from 'pdfkit';

export interface TableDocument {
  readonly title: string;
  readonly lines: readonly string[];
  readonly tables: readonly {
    readonly heading: string;
    readonly rows: readonly (readonly [string, string])[];
  }[];
  readonly author: string;
}

const MARGIN = 56;

export function renderTableDocumentPdf(document: TableDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: document.title, Author: document.author },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(18).text(document.title, { width });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(10).fillColor('#333333');
  for (const line of document.lines) doc.text(line, { width });
  for (const table of document.tables) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(12).fillColor('#111111').text(table.heading, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
    for (const [label, value] of table.rows) {
      const labelOptions = { width: width * 0.65 };
      const valueOptions = { width: width * 0.35, align: 'right' as const };
      const height = Math.max(
        doc.heightOfString(label, labelOptions),
        doc.heightOfString(value, valueOptions),
      );
      // Long tables (a month of redemptions) go on: a row that would not fit starts a new page,
      // label and value together, instead of pdfkit breaking the page between the two.
      if (doc.y + height > doc.page.maxY()) doc.addPage();
      const y = doc.y;
      doc.text(label, MARGIN, y, labelOptions);
      const belowLabel = doc.y;
      doc.text(value, MARGIN + width * 0.65, y, valueOptions);
      // A label wrapped over two lines pushes the next row below itself, not below the value.
      doc.y = Math.max(doc.y, belowLabel);
      doc.moveDown(0.2);
    }
  }
  doc.end();
  return done;
}
