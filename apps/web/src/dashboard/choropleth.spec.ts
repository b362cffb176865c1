import { colourOf, NO_SPEND_COLOUR, spendClasses } from './choropleth';

describe('spendClasses', () => {
  it('covers 1..max without gaps and colours the largest amount darkest', () => {
    const classes = spendClasses(10_000);
    expect(classes[0].fromCents).toBe(1);
    expect(classes[classes.length - 1].toCents).toBe(10_000);
    for (let i = 1; i < classes.length; i++) expect(classes[i].fromCents).toBe(classes[i - 1].toCents + 1);
    expect(colourOf(10_000, classes)).toBe(classes[classes.length - 1].colour);
    expect(colourOf(1, classes)).toBe(classes[0].colour);
  });

  it('gives zero its own colour and no classes when nothing was spent', () => {
    expect(spendClasses(0)).toEqual([]);
    expect(colourOf(0, spendClasses(500))).toBe(NO_SPEND_COLOUR);
  });

  it('copes with tiny maxima', () => {
    const classes = spendClasses(3);
    expect(classes.map((c) => [c.fromCents, c.toCents])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});
