import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const outDir = resolve(__dirname, '../../dist/web');
const BASE = '/app/';
const PRECACHE_TOKEN = '"__PRECACHE_MANIFEST__"';

/**
 * The service worker (src/sw.ts) is built as its own entry, at /app/sw.js so that its scope is
 * the whole app. Once every file is written, the list of files to precache and a version derived
 * from their contents replace its placeholder: a new deploy changes sw.js, so phones update.
 */
function precacheManifest(): Plugin {
  return {
    name: 'pass-precache-manifest',
    apply: 'build',
    closeBundle() {
      const files = listFiles(outDir).filter((file) => file !== 'sw.js' && !file.endsWith('.map'));
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const manifest = { version: hash.digest('hex').slice(0, 16), files: files.map((file) => BASE + file) };
      const sw = join(outDir, 'sw.js');
      const source = readFileSync(sw, 'utf8');
      if (!source.includes(PRECACHE_TOKEN)) throw new Error('sw.js lost its precache placeholder');
      writeFileSync(sw, source.replace(PRECACHE_TOKEN, JSON.stringify(manifest)));
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(outDir, path).split('\\').join('/')];
  });
}

export default defineConfig({
  root: __dirname,
  base: BASE,
  publicDir: resolve(__dirname, 'public'),
  resolve: {
    alias: {
      '@pass/vouchers/voucher-code-format': resolve(
        __dirname,
        '../../libs/vouchers/src/voucher-code-format.ts',
      ),
    },
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { main: resolve(__dirname, 'index.html'), sw: resolve(__dirname, 'src/sw.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  plugins: [precacheManifest()],
});
