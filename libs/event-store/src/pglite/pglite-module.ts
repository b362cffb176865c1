import { createRequire } from 'node:module';
import type * as PgliteModule from '@electric-sql/pglite';

/**
 * PGlite's Emscripten glue runs `await import('node:module')`. Jest evaluates every module in a vm
 * context where a dynamic import throws unless Node runs with --experimental-vm-modules, and Jest
 * also swaps `createRequire` for its own. `process.getBuiltinModule` hands out Node's real module
 * loader, so PGlite is loaded by Node itself, outside Jest; outside Jest this is the ordinary require.
 */
const createNodeRequire = process.getBuiltinModule?.('node:module')?.createRequire ?? createRequire;
const requireNatively = createNodeRequire(__filename);

export const { PGlite } = requireNatively('@electric-sql/pglite') as typeof PgliteModule;
export type PGlite = PgliteModule.PGlite;
export type Transaction = PgliteModule.Transaction;
