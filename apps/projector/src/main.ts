import { allProjections, DEFAULT_PACE_MS, ProjectionHost } from '@pass/projections';
import { openStoreFromEnv, positiveInteger } from './projector-config';

/**
 * The standalone projector: keeps the read models up to date for API instances started with
 * PROJECTIONS_IN_PROCESS=false. Several may run: each projection's advisory lock lets one write
 * while the others stand by. PGlite is single-process: there, the API runs the projections itself.
 */
async function main(): Promise<void> {
  const env = process.env;
  const store = await openStoreFromEnv(env);
  const names = env.PROJECTIONS?.split(',').filter(Boolean);
  const projections = allProjections().filter((p) => !names || names.includes(p.name));
  const pauseMs = positiveInteger(env, 'PROJECTOR_PAUSE_BEFORE_COMMIT_MS', 0);
  const host = new ProjectionHost(store, projections, {
    batchSize: positiveInteger(env, 'PROJECTOR_BATCH_SIZE', 500),
    idleMs: positiveInteger(env, 'PROJECTIONS_POLL_MS', 150),
    paceMs: positiveInteger(env, 'PROJECTIONS_PACE_MS', DEFAULT_PACE_MS),
    onError: (error) => console.error('projector:', error),
    // Test seam (the kill -9 test): announce a batch written but not committed, and linger there.
    beforeCommit:
      pauseMs > 0
        ? async () => {
            process.stdout.write('batch-written-not-committed\n');
            await new Promise((resolve) => setTimeout(resolve, pauseMs));
          }
        : undefined,
  });
  host.start();
  console.log(`projector: running ${projections.map((p) => p.name).join(', ')}`);
  const shutdown = async () => {
    await host.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
