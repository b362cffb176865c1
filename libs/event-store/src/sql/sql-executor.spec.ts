import { prepared, statementText } from './sql-executor';

describe('prepared', () => {
  it('gives one text one name, everywhere it is asked for', () => {
    const text = `select value from reservations where scope = $1 and key = $2`;
    expect(prepared(text)).toBe(prepared(`${text}`));
    expect(prepared(text).text).toBe(text);
  });

  it('gives different texts different names, short enough for PostgreSQL (63 bytes)', () => {
    const names = ['select 1 where $1', 'select 2 where $1', 'select 1 where  $1'].map(
      (text) => prepared(text).name,
    );
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^pass_[0-9a-f]{24}$/);
  });

  it('hands PGlite the text alone', () => {
    expect(statementText(prepared('select $1::int'))).toBe('select $1::int');
    expect(statementText('select 1')).toBe('select 1');
  });
});
