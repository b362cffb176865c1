import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { START_OF_LOG } from '@pass/event-store';
import { describeOnPostgres } from '../../../test/support/postgres';
import { allProjections } from './projections/all-projections';
import { selectProgrammeSummary } from './queries/programme-summary';
import { ProjectionHost } from './runner/projection-host';
import { waitUntilProjected } from './runner/freshness';
import { readFigures } from './testing/read-figures';
import { recount } from './testing/recount';
import { openTestStore, type TestStore } from './testing/stores';
import { runWorkload } from './testing/workload-driver';

const opened = (programmeId: string) => ({
  programmeId,
  payerId: '200054781',
  name: programmeId,
  territory: { departements: ['33'], communes: [] },
  faceValueCents: 1000,
  budgetCents: 100_000,
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2030-01-01T00:00:00.000Z',
  coFunders: [{ payerId: '200054781', shareBps: 10_000 }],
  openedAt: '2026-01-02T10:00:00.000Z',
});

describeOnPostgres('projecting while writers commit out of order (late commit)', () => {
  let t: TestStore;
  let host: ProjectionHost;
  let session: Client;
  beforeAll(async () => {
    t = await openTestStore('postgres');
    host = new ProjectionHost(t.store, allProjections(), { idleMs: 10, batchSize: 50 });
    session = new Client({ connectionString: t.url, options: `-c search_path=${t.schema}` });
    await session.connect();
  });
  afterAll(async () => {
    await host?.stop();
    await session?.end();
    await t?.close();
  });

  it('never moves past an event whose transaction is still open, and counts it once it commits', async () => {
    host.start();
    await runWorkload(t.store, 300, 3, 11);
    // A: takes its transaction id and position first, commits last.
    await session.query('begin');
    await session.query(
      `insert into events (stream_id, stream_version, event_id, type, data) values ($1, 1, $2, 'ProgrammeOpened.v1', $3)`,
      ['programme-prg_late', randomUUID(), JSON.stringify(opened('prg_late'))],
    );
    // B and more writers commit meanwhile.
    await t.store.append([
      {
        streamId: 'programme-prg_after',
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: 'ProgrammeOpened.v1', data: opened('prg_after') }],
      },
    ]);
    await runWorkload(t.store, 200, 2, 12);
    // The projector cannot get past A: B is not projected, however long we wait.
    expect(
      await waitUntilProjected(t.store.sql, ['programme-summary'], {
        deadlineMs: 500,
        nudge: () => host.wake(),
      }),
    ).toBe(false);
    expect(await selectProgrammeSummary(t.store.sql, 'prg_after')).toBeUndefined();

    await session.query('commit');
    expect(
      await waitUntilProjected(t.store.sql, ['programme-summary'], {
        deadlineMs: 10_000,
        nudge: () => host.wake(),
      }),
    ).toBe(true);
    expect(await selectProgrammeSummary(t.store.sql, 'prg_late')).toMatchObject({ budget_cents: 100_000 });
    expect(await selectProgrammeSummary(t.store.sql, 'prg_after')).toMatchObject({ budget_cents: 100_000 });
    await host.stop();
    await host.catchUp();
    expect(await readFigures(t.store.sql)).toEqual(recount(await t.store.readAll(START_OF_LOG, 1_000_000)));
  }, 60_000);
});
