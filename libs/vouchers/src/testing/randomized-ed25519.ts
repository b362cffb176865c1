/**
 * An Ed25519 signer that draws its nonce at random instead of deriving it from the key and the
 * message (RFC 8032, 5.1.6, with `r` random): its signatures verify under the same public key but
 * differ from the deterministic ones Node makes. Tests use it to reach the full verification a
 * ring falls back to. Slow BigInt arithmetic, for tests only: never sign anything real with it.
 */
import { createHash, KeyObject, randomBytes } from 'node:crypto';

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const D = mod(-121665n * inverse(121666n));
const BASE: Point = extended(
  15112221349535400772501151409588531511454012693041857206046113283949847762202n,
  46316835694926478169428394003475163141307993866256225615783033603165251855960n,
);

interface Point {
  readonly x: bigint;
  readonly y: bigint;
  readonly z: bigint;
  readonly t: bigint;
}

export function signWithRandomNonce(message: Buffer, privateKey: KeyObject): Buffer {
  const { d, x } = privateKey.export({ format: 'jwk' });
  if (!d || !x) throw new TypeError('An Ed25519 private key is needed');
  const digest = createHash('sha512').update(Buffer.from(d, 'base64url')).digest();
  const secretScalar = clampedScalar(digest.subarray(0, 32));
  const nonce = littleEndian(randomBytes(64)) % L;
  const encodedR = encode(multiply(BASE, nonce));
  const challenge =
    littleEndian(
      createHash('sha512')
        .update(Buffer.concat([encodedR, Buffer.from(x, 'base64url'), message]))
        .digest(),
    ) % L;
  const s = (nonce + challenge * secretScalar) % L;
  return Buffer.concat([encodedR, toLittleEndian(s, 32)]);
}

function clampedScalar(bytes: Buffer): bigint {
  const clamped = Buffer.from(bytes);
  clamped[0] &= 248;
  clamped[31] &= 127;
  clamped[31] |= 64;
  return littleEndian(clamped);
}

function extended(x: bigint, y: bigint): Point {
  return { x, y, z: 1n, t: mod(x * y) };
}

/** Addition on the twisted Edwards curve (a = -1) in extended coordinates (RFC 8032, 5.1.4). */
function add(p: Point, q: Point): Point {
  const a = mod((p.y - p.x) * (q.y - q.x));
  const b = mod((p.y + p.x) * (q.y + q.x));
  const c = mod(2n * D * p.t * q.t);
  const d = mod(2n * p.z * q.z);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return { x: mod(e * f), y: mod(g * h), z: mod(f * g), t: mod(e * h) };
}

function multiply(point: Point, scalar: bigint): Point {
  let result: Point = { x: 0n, y: 1n, z: 1n, t: 0n };
  let addend = point;
  for (let rest = scalar; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

function encode(point: Point): Buffer {
  const zInverse = inverse(point.z);
  const x = mod(point.x * zInverse);
  const y = mod(point.y * zInverse);
  const bytes = toLittleEndian(y, 32);
  bytes[31] |= Number(x & 1n) << 7;
  return bytes;
}

function mod(value: bigint): bigint {
  const rest = value % P;
  return rest >= 0n ? rest : rest + P;
}

function inverse(value: bigint): bigint {
  return power(mod(value), P - 2n);
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let factor = base;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = mod(result * factor);
    factor = mod(factor * factor);
  }
  return result;
}

function littleEndian(bytes: Buffer): bigint {
  return BigInt(`0x${Buffer.from(bytes).reverse().toString('hex') || '0'}`);
}

function toLittleEndian(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex').reverse();
}
