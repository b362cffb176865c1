import { describeOnPostgres } from './postgres';
import type { StoreKind } from './test-app';

/** Runs a suite on the embedded store and on PostgreSQL (which skips loudly, or fails in CI, without a server). */
export function onBothStores(name: string, suite: (kind: StoreKind) => void): void {
  describe(`${name} [PGlite]`, () => suite('pglite'));
  describeOnPostgres(`${name} [PostgreSQL]`, () => suite('postgres'));
}
