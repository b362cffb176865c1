import { inflateSync } from 'node:zlib';
import { renderTableDocumentPdf } from './table-document-pdf';
import { inspectPdfPages } from './testing/pdf-inspection';

/** The baseline height (from the page's bottom) of each line drawn on the first page, in order. */
function lineHeights(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  const contents = Number(/\/Contents (\d+) 0 R/.exec(text)![1]);
  const start = text.indexOf(`\n${contents} 0 obj\n`);
  const length = Number(/\/Length (\d+)/.exec(text.slice(start))![1]);
  const data = text.indexOf('stream\n', start) + 'stream\n'.length;
  const content = inflateSync(pdf.subarray(data, data + length)).toString('latin1');
  return [...content.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm/g)].map((match) => Number(match[1]));
}

describe('a table document', () => {
  it('runs a long table over several pages, each row whole on one page', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => [`Ligne ${i + 1}`, `${i + 1},00 €`] as [string, string],
    );
    const pdf = await renderTableDocumentPdf({
      title: 'Relevé',
      author: 'Pass numérique',
      lines: ['Une ligne de contexte.'],
      tables: [{ heading: 'Prestations', rows }],
    });

    const pages = inspectPdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [label, value] of rows) {
      const holding = pages.filter((page) => page.lines.includes(label));
      expect(holding).toHaveLength(1);
      expect(holding[0].lines[holding[0].lines.indexOf(label) + 1]).toBe(value);
    }
  });

  it('keeps a label that wraps and the rows after it, in order', async () => {
    const long = 'Atelier collectif : prendre en main son smartphone et ses applications de démarches';
    const pdf = await renderTableDocumentPdf({
      title: 'Relevé',
      author: 'Pass numérique',
      lines: [],
      tables: [
        {
          heading: 'P',
          rows: [
            [long, '10,00 €'],
            ['Suivante', '5,00 €'],
          ],
        },
      ],
    });
    const [page] = inspectPdfPages(pdf);
    expect(page.lines.join(' ')).toContain('Atelier collectif');
    const heights = lineHeights(pdf);
    const at = (line: string) => heights[page.lines.indexOf(line)];
    // The next row starts a whole line (10 pt type) below the label's last line, not on top of it.
    const labelLines = page.lines.slice(page.lines.indexOf('P') + 1, page.lines.indexOf('10,00 €'));
    expect(labelLines.length).toBeGreaterThan(1);
    expect(at(labelLines[labelLines.length - 1]) - at('Suivante')).toBeGreaterThanOrEqual(10);
  });
});
