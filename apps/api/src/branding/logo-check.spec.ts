import { checkLogo, MAX_LOGO_BYTES } from './logo-check';

/** The smallest PNG header: signature, IHDR length and type, width and height. */
function pngHeader(width = 40, height = 40): Buffer {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

const svg = (inner = '<circle r="4"/>') =>
  Buffer.from(
    `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">${inner}</svg>\n`,
  );

describe('checkLogo', () => {
  it('accepts a PNG and a plain SVG whose type matches', () => {
    expect(checkLogo(pngHeader(), 'image/png')).toEqual({ ok: true, mediaType: 'image/png' });
    expect(checkLogo(svg(), 'image/svg+xml; charset=utf-8')).toEqual({
      ok: true,
      mediaType: 'image/svg+xml',
    });
  });

  it('refuses other types, mismatched bytes, empty and oversized files', () => {
    expect(checkLogo(pngHeader(), 'image/gif')).toMatchObject({ ok: false, reason: 'unsupported-type' });
    expect(checkLogo(svg(), 'image/png')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkLogo(pngHeader(), 'image/svg+xml')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkLogo(Buffer.alloc(0), 'image/png')).toMatchObject({ ok: false, reason: 'invalid' });
    const big = Buffer.concat([pngHeader(), Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(checkLogo(big, 'image/png')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(checkLogo(pngHeader(0, 10), 'image/png')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<a href="javascript:alert(1)"><text>x</text></a>'],
    ['<circle r="4" onload="alert(1)"/>'],
    ['<foreignObject><p>x</p></foreignObject>'],
    ['<image href="https://tracker.example/pixel.png"/>'],
    ['<style>@import "https://x.example/a.css";</style>'],
  ])('refuses an SVG carrying %s', (inner) => {
    expect(checkLogo(svg(inner), 'image/svg+xml')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses entities and what is not an SVG document', () => {
    const entity = Buffer.from(
      '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    );
    expect(checkLogo(entity, 'image/svg+xml')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkLogo(Buffer.from('<html><svg></svg></html>'), 'image/svg+xml')).toMatchObject({ ok: false });
    expect(checkLogo(Buffer.from([0xff, 0xfe, 0x3c]), 'image/svg+xml')).toMatchObject({ ok: false });
  });
});
