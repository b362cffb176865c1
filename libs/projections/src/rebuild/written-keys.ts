/**
 * The rows a rebuild has written to its (initially empty) tables, as a Bloom filter: "not written"
 * is certain, "maybe written" is not. A row never written needs no load: it is absent. A false
 * "maybe" only costs a load that finds nothing, so the filter's memory is fixed (8 MB) whatever
 * the log's length: below ~1 % of wasted loads up to about 5 million rows, and still correct beyond.
 */
export class WrittenKeys {
  private static readonly BITS = 2 ** 26;
  private static readonly HASHES = 7;
  private readonly bits = new Uint32Array(WrittenKeys.BITS / 32);

  add(key: string): void {
    this.probe(key, (word, mask) => {
      this.bits[word] |= mask;
      return true;
    });
  }

  mayHave(key: string): boolean {
    return this.probe(key, (word, mask) => (this.bits[word] & mask) !== 0);
  }

  /** Double hashing (two FNV-1a variants): `visit` each of the key's bits until it answers false. */
  private probe(key: string, visit: (word: number, mask: number) => boolean): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h2 |= 1; // odd: the probes cover the whole table
    for (let i = 0; i < WrittenKeys.HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & (WrittenKeys.BITS - 1);
      if (!visit(bit >>> 5, 1 << (bit & 31))) return false;
    }
    return true;
  }
}
