import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transpileModule, ModuleKind } from 'typescript';
import { BatchedSigner } from './batched-signer';

const ed25519 = () => generateKeyPairSync('ed25519');
const texts = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => Buffer.from(`PN1.${prefix}.vch_${index}`, 'ascii'));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedSigner', () => {
  let signer: BatchedSigner;
  beforeEach(() => {
    signer = new BatchedSigner();
  });
  afterEach(() => signer.close());

  it('gives each text the signature Node makes, keys mixed in one turn', async () => {
    const [first, second] = [ed25519(), ed25519()];
    const asked = [
      ...texts(40, 'a').map((text) => ({ text, key: first })),
      ...texts(40, 'b').map((text) => ({ text, key: second })),
    ];

    const signatures = await Promise.all(asked.map(({ text, key }) => signer.sign(text, key.privateKey)));

    asked.forEach(({ text, key }, index) => {
      expect(signatures[index]).toEqual(sign(null, text, key.privateKey));
      expect(verify(null, text, key.publicKey, signatures[index])).toBe(true);
    });
  });

  it('answers the signatures in flight when its worker ends, and starts another for the next', async () => {
    const { privateKey } = ed25519();
    const inFlight = texts(30, 'c').map((text) => signer.sign(text, privateKey));
    await nextTurn();
    await signer.close();
    const later = texts(5, 'd').map((text) => signer.sign(text, privateKey));

    const signatures = await Promise.all([...inFlight, ...later]);

    expect(signatures).toEqual(
      [...texts(30, 'c'), ...texts(5, 'd')].map((text) => sign(null, text, privateKey)),
    );
  });

  it('fails a signature its key cannot make, and only that one', async () => {
    const { privateKey } = ed25519();
    const notForSigning = generateKeyPairSync('x25519').privateKey;
    const [text] = texts(1, 'e');

    const results = await Promise.allSettled([
      signer.sign(text, notForSigning),
      signer.sign(text, privateKey),
    ]);

    expect(results[0].status).toBe('rejected');
    expect(results[1]).toEqual({ status: 'fulfilled', value: sign(null, text, privateKey) });
  });

  it('keeps a process alive until it has answered, not after', () => {
    const directory = mkdtempSync(join(tmpdir(), 'batched-signer-'));
    const source = readFileSync(join(__dirname, 'batched-signer.ts'), 'utf8');
    const compiled = transpileModule(source, { compilerOptions: { module: ModuleKind.CommonJS } });
    writeFileSync(join(directory, 'batched-signer.js'), compiled.outputText);
    const program = `
      const { generateKeyPairSync } = require('node:crypto');
      const { BatchedSigner } = require('./batched-signer.js');
      new BatchedSigner()
        .sign(Buffer.from('PN1.k.v'), generateKeyPairSync('ed25519').privateKey)
        .then((signature) => console.log(signature.length));`;

    // Killed after a minute: a process the worker kept alive fails the test instead of hanging it.
    const run = spawnSync(process.execPath, ['-e', program], { cwd: directory, timeout: 60_000 });

    expect({ status: run.status, output: run.stdout.toString().trim() }).toEqual({ status: 0, output: '64' });
  });
});
