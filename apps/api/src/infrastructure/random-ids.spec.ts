import { randomId } from './random-ids';

describe('randomId', () => {
  it('is the prefix and 16 Crockford base32 characters', () => {
    expect(randomId('rdm')).toMatch(/^rdm_[0-9a-hjkmnp-tv-z]{16}$/);
  });

  it('never repeats across many refills of its pool', () => {
    const ids = Array.from({ length: 10_000 }, () => randomId('x'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every character of the alphabet in every position', () => {
    const ids = Array.from({ length: 2_000 }, () => randomId('x').slice(2));
    for (let position = 0; position < 16; position++)
      expect(new Set(ids.map((id) => id[position])).size).toBe(32);
  });
});
