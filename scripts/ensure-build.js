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

function ensureBuild() {
  const stale =
    !existsSync(entry) ||
    statSync(entry).mtimeMs < Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs')));
  if (stale) {
    console.log('Building the service (first start or sources changed)…');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
}

module.exports = { ensureBuild, root };
