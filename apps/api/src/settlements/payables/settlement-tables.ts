import type { GlobalPosition, SqlExecutor, SqlQueryable } from '@pass/event-store';

/**
 * The settlement's own tables next to the events: the reactor's checkpoint, and the index of
 * ledgers (which venues a payer owes, which payers owe a venue) that the ledger streams cannot
 * answer by themselves. Created here, idempotently: the event-store migrations are not ours.
 */
const CREATE_TABLES = [
  `create table if not exists settlement_reactor_checkpoints (
     reactor text primary key,
     transaction_id bigint not null,
     global_position bigint not null
   )`,
  `create table if not exists settlement_ledgers (
     payer_id text not null,
     venue_id text not null,
     primary key (payer_id, venue_id)
   )`,
  `create index if not exists settlement_ledgers_venue_idx on settlement_ledgers (venue_id)`,
];

export async function createSettlementTables(sql: SqlExecutor): Promise<void> {
  // `create … if not exists` is not safe against itself: two instances starting together take turns.
  await sql.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended('pass:settlement-tables', 0))`);
    for (const statement of CREATE_TABLES) await tx.query(statement);
  });
}

export async function readCheckpoint(
  sql: SqlQueryable,
  reactor: string,
): Promise<GlobalPosition | undefined> {
  const [row] = await sql.query<{ transaction_id: string; global_position: string }>(
    `select transaction_id::text as transaction_id, global_position::text as global_position
       from settlement_reactor_checkpoints where reactor = $1`,
    [reactor],
  );
  return row && { transactionId: row.transaction_id, globalPosition: row.global_position };
}

/** Only forward: an instance that lags behind another never moves the shared checkpoint back. */
export async function saveCheckpoint(
  sql: SqlQueryable,
  reactor: string,
  position: GlobalPosition,
): Promise<void> {
  await sql.query(
    `insert into settlement_reactor_checkpoints as c (reactor, transaction_id, global_position)
     values ($1, $2::bigint, $3::bigint)
     on conflict (reactor) do update
       set transaction_id = excluded.transaction_id, global_position = excluded.global_position
       where (c.transaction_id, c.global_position) < (excluded.transaction_id, excluded.global_position)`,
    [reactor, position.transactionId, position.globalPosition],
  );
}

export interface LedgerKey {
  readonly payerId: string;
  readonly venueId: string;
}

export async function indexLedgers(sql: SqlQueryable, ledgers: readonly LedgerKey[]): Promise<void> {
  if (ledgers.length === 0) return;
  await sql.query(
    `insert into settlement_ledgers (payer_id, venue_id)
     select * from unnest($1::text[], $2::text[])
     on conflict do nothing`,
    [ledgers.map((ledger) => ledger.payerId), ledgers.map((ledger) => ledger.venueId)],
  );
}

export async function ledgersOfPayer(sql: SqlQueryable, payerId: string): Promise<LedgerKey[]> {
  const rows = await sql.query<{ venue_id: string }>(
    `select venue_id from settlement_ledgers where payer_id = $1 order by venue_id`,
    [payerId],
  );
  return rows.map((row) => ({ payerId, venueId: row.venue_id }));
}

export async function ledgersOfVenue(sql: SqlQueryable, venueId: string): Promise<LedgerKey[]> {
  const rows = await sql.query<{ payer_id: string }>(
    `select payer_id from settlement_ledgers where venue_id = $1 order by payer_id`,
    [venueId],
  );
  return rows.map((row) => ({ payerId: row.payer_id, venueId }));
}

/** Every ledger ever indexed, for the monthly run over all payers. */
export async function allLedgers(sql: SqlQueryable): Promise<LedgerKey[]> {
  const rows = await sql.query<{ payer_id: string; venue_id: string }>(
    `select payer_id, venue_id from settlement_ledgers order by payer_id, venue_id`,
  );
  return rows.map((row) => ({ payerId: row.payer_id, venueId: row.venue_id }));
}
