/**
 * Reads RFC 4180 CSV back into rows, independently of the code that wrote it: quoted fields may
 * hold commas, doubled quotes and line ends; records end with CRLF.
 */
export function parseRfc4180(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}
