import { allProjections, DEFAULT_REBUILD_BATCH_EVENTS, rebuildProjection } from '@pass/projections';
import { openStoreFromEnv, positiveInteger } from './projector-config';

/**
 * `npm run projections:rebuild [-- name ...]`: rebuilds read models from the start of the log into
 * new tables while the old ones keep serving, then swaps them (blue/green). With PGlite the API
 * must be stopped first (one process at a time opens its files).
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const all = allProjections();
  const unknown = names.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length > 0)
    throw new Error(`unknown projection ${unknown.join(', ')} (known: ${all.map((p) => p.name).join(', ')})`);
  const store = await openStoreFromEnv();
  try {
    for (const projection of all.filter((p) => names.length === 0 || names.includes(p.name))) {
      const report = await rebuildProjection(store, projection, {
        batchSize: positiveInteger(process.env, 'PROJECTOR_REBUILD_BATCH_SIZE', DEFAULT_REBUILD_BATCH_EVENTS),
      });
      console.log(
        `${report.name}: ${report.events} events in ${report.seconds.toFixed(2)} s (${report.eventsPerSecond} events/s), generation ${report.fromGeneration} → ${report.toGeneration}`,
      );
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
