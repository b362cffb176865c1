import { accentPalette, contrast, parseHex } from './contrast';

const rgb = (hex: string) => parseHex(hex)!;

describe('accentPalette', () => {
  it('keeps a dark brand colour as it is for text', () => {
    const palette = accentPalette('#31589b')!;
    expect(palette.ink).toBe('#31589b');
    expect(palette.fill).toBe('#31589b');
    expect(palette.onFill).toBe('#ffffff');
  });

  it('keeps links and buttons at AA whatever the brand colour', () => {
    for (const brand of ['#ffcc00', '#00b3a4', '#ff6f61', '#e0e0e0', '#777777', '#808080', '#000000']) {
      const palette = accentPalette(brand)!;
      expect(contrast(rgb(palette.ink), rgb('#ffffff'))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(palette.ink), rgb(palette.soft))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(palette.onFill), rgb(palette.fill))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('puts dark text on a light accent', () => {
    expect(accentPalette('#ffcc00')).toMatchObject({ fill: '#ffcc00', onFill: '#161616' });
  });

  it('rejects what is not #rrggbb', () => {
    expect(accentPalette('red')).toBeUndefined();
    expect(accentPalette('#abc')).toBeUndefined();
  });
});
