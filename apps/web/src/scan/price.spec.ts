import { parsePrice } from './price';

describe('parsePrice', () => {
  it.each([
    ['15', 1500],
    ['12,50', 1250],
    ['12.5', 1250],
    ['8 €', 800],
    ['1 000', 100000],
  ])('reads %s as %i cents', (input, cents) => expect(parsePrice(input)).toEqual({ state: 'ok', cents }));

  it('says empty or invalid', () => {
    expect(parsePrice(' ')).toEqual({ state: 'empty' });
    for (const input of ['abc', '12,345', '0', '-3', '1e3']) expect(parsePrice(input).state).toBe('invalid');
  });
});
