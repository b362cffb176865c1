import type { SqlQueryable } from '@pass/event-store';
import { readActiveCheckpoint } from '../sql/catalog';

export interface ProjectionLag {
  readonly name: string;
  readonly generation: number;
  /** Committed events not projected yet (counted up to a cap). */
  readonly eventsBehind: number;
  /** Age of the oldest event not projected yet; 0 when caught up. */
  readonly secondsBehind: number;
}

const COUNT_CAP = 1_000_000;

export async function measureLag(db: SqlQueryable, names: readonly string[]): Promise<ProjectionLag[]> {
  const lags: ProjectionLag[] = [];
  for (const name of names) {
    const checkpoint = await readActiveCheckpoint(db, name);
    const position = checkpoint?.position ?? { transactionId: '0', globalPosition: '0' };
    const [row] = await db.query<{ behind: string; seconds: string | null }>(
      `select count(*)::text as behind, extract(epoch from now() - min(recorded_at))::text as seconds
       from (select e.recorded_at from events e
             where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
             limit ${COUNT_CAP}) unprojected`,
      [position.transactionId, position.globalPosition],
    );
    lags.push({
      name,
      generation: checkpoint?.generation ?? 0,
      eventsBehind: Number(row.behind),
      secondsBehind: row.seconds === null ? 0 : Math.max(0, Number(row.seconds)),
    });
  }
  return lags;
}
