import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, semicolons and CRLF, and quotes what needs it', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x;y', 'il a dit "oui"'],
          [1, null],
        ],
      ),
    ).toBe('\uFEFFa;b\r\n"x;y";"il a dit ""oui"""\r\n1;\r\n');
  });
});
