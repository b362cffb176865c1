// Builds dist/ when it is missing or older than any TypeScript source, so `npm start` just works.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist/apps/api/src/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// The web app (apps/web) is built by Vite into dist/web, which the API serves under /app/.
const webIndex = join(root, 'dist/web/index.html');
const webSources = [join(root, 'apps/web'), join(root, 'libs/vouchers/src/voucher-code-format.ts')];

function newestFile(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestFile(join(path, name))));
}

function ensureWebBuild() {
  if (existsSync(webIndex) && statSync(webIndex).mtimeMs >= Math.max(...webSources.map(newestFile))) return;
  console.log('Building the web app (first start or sources changed)…');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}

function ensureBuild() {
  const stale =
    !existsSync(entry) ||
    statSync(entry).mtimeMs < Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs')));
  if (stale) {
    console.log('Building the service (first start or sources changed)…');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  ensureWebBuild();
}

module.exports = { ensureBuild, ensureWebBuild, root };
