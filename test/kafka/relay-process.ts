import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  START_OF_LOG,
  type GlobalPosition,
  type PostgresEventStore,
  type StoredEvent,
} from '@pass/event-store';
import { OTHER_PAYER, PAYER } from '../support/scenario';
import { eventually } from '../support/eventually';
import { kafkaBrokers } from '../support/kafka';

const root = join(__dirname, '../..');

/** apps/relay as a real child process, from its TypeScript sources (no build needed). */
export class RelayProcess {
  output = '';
  exited: Promise<number | null> = Promise.resolve(null);
  private child: ChildProcess | undefined;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['-r', join(root, 'test/support/ts-register.js'), join(root, 'apps/relay/src/main.ts')],
      {
        cwd: root,
        env: { ...process.env, KAFKA_BROKERS: kafkaBrokers(), LOG_LEVEL: 'info', ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    let gone = false;
    void this.exited.then(() => (gone = true));
    await eventually(
      async () => {
        if (gone) throw new Error(`the relay exited at start:\n${this.output}`);
        return this.output.includes('relay running');
      },
      60_000,
      'the relay process to start',
    );
  }

  /** kill -9: no shutdown hook runs, the batch in flight is lost between ack and checkpoint. */
  kill(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  async terminate(): Promise<number | null> {
    this.child?.kill('SIGTERM');
    return this.exited;
  }
}

export async function checkpointOf(
  store: PostgresEventStore,
  topic: string,
): Promise<GlobalPosition | undefined> {
  try {
    const [row] = await store.sql.query<{ transaction_id: string; global_position: string }>(
      `select transaction_id::text as transaction_id, global_position::text as global_position
       from relay_checkpoints where name = $1`,
      [`kafka:${topic}`],
    );
    return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return undefined; // the relay has not created it yet
    throw error;
  }
}

/**
 * Every event appended so far. readAll stops below the cluster's oldest running transaction (any
 * session's, other suites' included), so it is polled until it returns every row.
 */
export async function wholeLog(store: PostgresEventStore): Promise<StoredEvent[]> {
  const [{ count }] = await store.sql.query<{ count: number }>('select count(*)::int as count from events');
  return eventually(
    async () => {
      const events = await store.readAll(START_OF_LOG, 1_000_000);
      return events.length === count && events;
    },
    30_000,
    'the whole log to be readable',
  );
}

export interface RedemptionLog {
  chunks: number;
  programmeId?: string;
  bookId?: string;
}

const at = '2026-03-01T10:00:00.000Z';

/**
 * Appends straight to the store (fast, many events): a co-funded programme and one book first,
 * then per chunk a BooksIssued (whose payers the relay must look up) and `count` co-funded
 * redemptions; the fifteenth chunk cancels the first book (another lookup, after the restart).
 */
export async function appendRedemptions(
  store: PostgresEventStore,
  log: RedemptionLog,
  count: number,
): Promise<void> {
  const coFunders = [
    { payerId: PAYER, shareBps: 7000 },
    { payerId: OTHER_PAYER, shareBps: 3000 },
  ];
  if (!log.programmeId) {
    log.programmeId = `prog-${randomUUID()}`;
    log.bookId = `book-${randomUUID()}`;
    await store.append([
      {
        streamId: `programme-${log.programmeId}`,
        expectedVersion: 0,
        events: [
          event('ProgrammeOpened.v1', {
            programmeId: log.programmeId,
            payerId: PAYER,
            name: 'Relay drill',
            territory: { departements: ['33'], communes: [] },
            faceValueCents: 1000,
            budgetCents: 100_000_000,
            validFrom: at,
            validUntil: '2099-01-01T00:00:00.000Z',
            coFunders,
            openedAt: at,
          }),
        ],
      },
      {
        streamId: `book-${log.bookId}`,
        expectedVersion: 0,
        events: [
          event('BookIssued.v1', {
            bookId: log.bookId,
            programmeId: log.programmeId,
            payerId: PAYER,
            coFunders,
            vouchers: [{ voucherId: `${log.bookId}-01`, code: 'AAAAAAAAAAAA0' }],
            faceValueCents: 1000,
            validFrom: at,
            validUntil: '2099-01-01T00:00:00.000Z',
            territory: { departements: ['33'], communes: [] },
            issuedAt: at,
          }),
        ],
      },
    ]);
  }
  log.chunks += 1;
  const programmeId = log.programmeId;
  const bookId = `book-${randomUUID()}`;
  const redemptions = Array.from({ length: count }, (_, index) =>
    event('VoucherRedeemed.v1', {
      bookId,
      programmeId,
      voucherId: `${bookId}-${index}`,
      redemptionId: randomUUID(),
      venueId: 'venue-drill',
      amountCents: 1000,
      servicePriceCents: null,
      shares: [
        { payerId: PAYER, amountCents: 700 },
        { payerId: OTHER_PAYER, amountCents: 300 },
      ],
      scannedAt: at,
      recordedAt: at,
    }),
  );
  await store.append([
    {
      streamId: `programme-${programmeId}`,
      expectedVersion: 'any',
      events: [
        event('BooksIssued.v1', {
          programmeId,
          bookIds: [bookId],
          voucherCount: count,
          amountCents: count * 1000,
          issuedAt: at,
        }),
      ],
    },
    { streamId: `book-${bookId}`, expectedVersion: 'any', events: redemptions },
  ]);
  if (log.chunks === 15) {
    await store.append([
      {
        streamId: `book-${log.bookId}`,
        expectedVersion: 1,
        events: [
          event('BookCancelled.v1', {
            bookId: log.bookId,
            reason: 'lost',
            voidedVoucherIds: [`${log.bookId}-01`],
            cancelledAt: at,
          }),
        ],
      },
    ]);
  }
}

function event(type: string, data: unknown) {
  return { eventId: randomUUID(), type, data };
}
