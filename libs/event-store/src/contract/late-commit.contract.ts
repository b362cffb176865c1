import { randomUUID } from 'node:crypto';
import type { GlobalPosition } from '../event-store.port';
import { START_OF_LOG } from '../event-store.port';
import {
  comparePositions,
  containsAll,
  eventIds,
  newEvent,
  readLog,
  readLogUntil,
  SubjectRef,
  uniqueStreamId,
} from './contract-support';

/**
 * The interleaving that breaks a naive `global_position > checkpoint` reader: transaction A takes
 * its id and position first but commits last; B commits in between. A reader that hands out B
 * while A is open moves its checkpoint past A, and A is never read.
 */
export function lateCommitContract(subject: SubjectRef): void {
  const store = () => subject().store;

  describe('a transaction that commits late', () => {
    it('is not overtaken: readAll waits for it, then hands it out before what committed after it', async () => {
      const { openSession, supportsConcurrentConnections } = subject();
      if (!supportsConcurrentConnections) return; // one connection: transactions cannot interleave
      if (!openSession) throw new Error('supportsConcurrentConnections requires openSession');

      const before = await readLog(store());
      const checkpoint: GlobalPosition =
        before.length > 0 ? before[before.length - 1].position : START_OF_LOG;
      const session = await openSession();
      try {
        await session.query('begin');
        const lateEventId = randomUUID();
        const { rows } = await session.query<{ transaction_id: string; global_position: string }>(
          `insert into events (stream_id, stream_version, event_id, type, data)
           values ($1, 1, $2, 'CommittedLate', '{}')
           returning transaction_id::text as transaction_id, global_position::text as global_position`,
          [uniqueStreamId('late'), lateEventId],
        );
        const latePosition = {
          transactionId: rows[0].transaction_id,
          globalPosition: rows[0].global_position,
        };

        const earlyStream = uniqueStreamId('early');
        const early = newEvent('CommittedEarly');
        await store().append([{ streamId: earlyStream, expectedVersion: 0, events: [early] }]);
        const [earlyStored] = await store().readStream(earlyStream);
        // The interleaving really happened: B is committed, and A comes first in both orders.
        expect(BigInt(latePosition.globalPosition)).toBeLessThan(BigInt(earlyStored.position.globalPosition));
        expect(comparePositions(latePosition, earlyStored.position)).toBe(-1);

        const whileOpen = await readLog(store(), checkpoint);
        expect(eventIds(whileOpen)).not.toContain(early.eventId);
        expect(eventIds(whileOpen)).not.toContain(lateEventId);

        await session.query('commit');
        const resumeFrom = whileOpen.length > 0 ? whileOpen[whileOpen.length - 1].position : checkpoint;
        const afterCommit = await readLogUntil(
          store(),
          containsAll([lateEventId, early.eventId]),
          resumeFrom,
        );
        const ours = eventIds(afterCommit).filter((id) => id === lateEventId || id === early.eventId);
        expect(ours).toEqual([lateEventId, early.eventId]);
      } finally {
        await session.query('rollback').catch(() => undefined);
        await session.end();
      }
    });
  });
}
