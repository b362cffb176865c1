import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { START_OF_LOG } from '@pass/event-store';
import { describeOnPostgres } from '../../../test/support/postgres';
import { projected } from './model/projected-event';
import { replay } from './model/replay';
import { allProjections } from './projections/all-projections';
import { measureLag } from './runner/lag';
import { readActiveCheckpoint } from './sql/catalog';
import { figuresFrom, readFigures } from './testing/read-figures';
import { recount } from './testing/recount';
import { openTestStore, type TestStore } from './testing/stores';
import { runWorkload } from './testing/workload-driver';

const ROOT = join(__dirname, '../../..');
const NAMES = allProjections().map((projection) => projection.name);

/** apps/projector as a real child process, straight from its TypeScript sources (no build needed). */
function spawnProjector(t: TestStore, env: Record<string, string> = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'apps/projector/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.url!,
        DATABASE_SCHEMA: t.schema!,
        PROJECTOR_BATCH_SIZE: '100',
        PROJECTIONS_POLL_MS: '20',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

function linesSeen(child: ChildProcess, line: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((text) => text === line).length;
      if (seen >= count) resolve();
    });
    child.once('exit', (code) => reject(new Error(`projector exited (${code}) before ${count}× "${line}"`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function waitForNoLag(t: TestStore, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const lags = await measureLag(t.store.sql, NAMES).catch(() => []);
    if (lags.length === NAMES.length && lags.every((lag) => lag.eventsBehind === 0)) return;
    if (Date.now() > deadline) throw new Error(`projector still behind: ${JSON.stringify(lags)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function everyProjectionCommittedABatch(
  t: TestStore,
  total: number,
  deadlineMs: number,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    // The projector creates its tables as it starts: until then there is nothing to measure.
    const lags = await measureLag(t.store.sql, NAMES).catch(() => []);
    if (lags.length === NAMES.length && lags.every((lag) => lag.eventsBehind < total)) return;
    if (Date.now() > deadline) throw new Error(`a projection committed nothing: ${JSON.stringify(lags)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeOnPostgres('a projector killed with SIGKILL in the middle of a batch', () => {
  let t: TestStore;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await openTestStore('postgres');
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await t?.close();
  });

  it('restarts from its last committed batch: nothing lost, nothing counted twice', async () => {
    await runWorkload(t.store, 2000, 4, 3);
    const total = (await t.store.readAll(START_OF_LOG, 1_000_000)).length;

    // Each batch lingers 100 ms between its writes and COMMIT; killed at such a moment once every
    // projection has committed a batch (they take turns unevenly: a count of lines proves nothing).
    const first = spawnProjector(t, { PROJECTOR_PAUSE_BEFORE_COMMIT_MS: '100' });
    children.push(first);
    await everyProjectionCommittedABatch(t, total, 30_000);
    await linesSeen(first, 'batch-written-not-committed', 1);
    first.kill('SIGKILL');
    await exited(first);

    const progress = await Promise.all(NAMES.map((name) => readActiveCheckpoint(t.store.sql, name)));
    const behind = await measureLag(t.store.sql, NAMES);
    expect(progress.some((checkpoint) => checkpoint!.position.globalPosition !== '0')).toBe(true);
    expect(behind.every((lag) => lag.eventsBehind > 0 && lag.eventsBehind < total)).toBe(true);

    await runWorkload(t.store, 300, 2, 4); // written while no projector runs
    const second = spawnProjector(t);
    children.push(second);
    await waitForNoLag(t, 45_000);
    second.kill('SIGTERM');
    await exited(second);

    const events = await t.store.readAll(START_OF_LOG, 1_000_000);
    const uninterrupted = figuresFrom(
      Object.fromEntries(
        allProjections().flatMap((projection) => {
          const tables = replay(projection, events.map(projected));
          return projection.tables.map((spec) => [spec.name, tables.all(spec.name)]);
        }),
      ),
    );
    const figures = await readFigures(t.store.sql);
    expect(figures).toEqual(uninterrupted);
    expect(figures).toEqual(recount(events));
  }, 120_000);
});
