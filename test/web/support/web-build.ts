import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWebBuild, root } = require('../../../scripts/ensure-build') as {
  ensureWebBuild: () => void;
  root: string;
};

/**
 * Builds apps/web into dist/web when it is missing or older than its sources, as `npm start`
 * does; a lock directory keeps two test files from building at once.
 */
export async function ensureWebApp(): Promise<void> {
  const lock = join(root, 'dist/.web-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`stale lock ${lock}: remove it`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    ensureWebBuild();
  } finally {
    rmdirSync(lock);
  }
}
