import { sign, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** An Ed25519 signature made on libuv's thread pool: one hand-over (and one thread woken) per call. */
export function signOffThread(text: Buffer, privateKey: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    sign(null, text, privateKey, (error, signature) => (error ? reject(error) : resolve(signature))),
  );
}

interface PendingSignature {
  readonly text: Buffer;
  readonly key: KeyObject;
  readonly resolve: (signature: Buffer) => void;
  readonly reject: (error: unknown) => void;
}

/** Without signatures when the worker could not make one of them (a key that cannot sign). */
interface SignedBatch {
  readonly batch: number;
  readonly signatures?: Uint8Array[];
}

/**
 * The worker's whole program. Given as source rather than a file so that it runs the same from
 * the compiled service and from the TypeScript tests (a worker cannot load a .ts file).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
parentPort.on('message', ({ batch, keys, items }) => {
  try {
    parentPort.postMessage({ batch, signatures: items.map(([key, text]) => sign(null, text, keys[key])) });
  } catch {
    parentPort.postMessage({ batch });
  }
});
`;

/**
 * Ed25519 signatures made on one worker thread, the signatures asked for during one turn of the
 * event loop sent to it in one message. A scan's QR check makes one (qr-signing.ts), and handing
 * each to libuv's pool alone cost the event loop about as much as the signature costs the pool
 * (measured under load, alternated: redemptions at 32 connections 2,223 / 2,127 / 2,070 -> 2,310 /
 * 2,232 / 2,252 per s, API CPU 0.378 / 0.398 / 0.410 -> 0.362 / 0.374 / 0.382 ms each). The worker
 * starts on first use and keeps the process alive only while it owes signatures; if it fails, the
 * signatures waiting for it and the next ones are made on libuv's pool, and a later call starts a
 * new worker.
 */
export class BatchedSigner {
  #worker?: Worker;
  #queue: PendingSignature[] = [];
  readonly #inFlight = new Map<number, PendingSignature[]>();
  #nextBatch = 0;

  sign(text: Buffer, key: KeyObject): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ text, key, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#send());
    });
  }

  /** Ends the worker (tests, shutdown); signatures still waiting are made on libuv's pool. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #send(): void {
    const pending = this.#queue;
    this.#queue = [];
    const keys = [...new Set(pending.map(({ key }) => key))];
    const batch = this.#nextBatch++;
    this.#inFlight.set(batch, pending);
    try {
      const items = pending.map(({ key, text }) => [keys.indexOf(key), text]);
      const worker = this.#running();
      worker.postMessage({ batch, keys, items });
      // Alive while it owes answers, as a pending call on the pool would keep the process.
      worker.ref();
    } catch {
      this.#inFlight.delete(batch);
      this.#onThreadPool(pending);
    }
  }

  #running(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (answer: SignedBatch) => this.#received(answer));
    const fail = () => {
      if (this.#worker === worker) this.#worker = undefined;
      const stranded = [...this.#inFlight.values()].flat();
      this.#inFlight.clear();
      this.#worker?.unref();
      this.#onThreadPool(stranded);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #received({ batch, signatures }: SignedBatch): void {
    const pending = this.#inFlight.get(batch);
    this.#inFlight.delete(batch);
    if (this.#inFlight.size === 0) this.#worker?.unref();
    // Already answered on the pool when an earlier worker ended with it in flight.
    if (!pending) return;
    // The pool then gives each signature its own answer, or its own error.
    if (!signatures) return this.#onThreadPool(pending);
    pending.forEach(({ resolve }, index) => {
      const signature = signatures[index];
      resolve(Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
    });
  }

  #onThreadPool(pending: readonly PendingSignature[]): void {
    for (const { text, key, resolve, reject } of pending) signOffThread(text, key).then(resolve, reject);
  }
}
