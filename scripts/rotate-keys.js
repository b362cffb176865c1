// `npm run keys:rotate`: adds a fresh QR signing key to the ring kept in DATA_DIR and makes it the
// one that signs; earlier keys keep verifying the vouchers already printed. Restart the service after.
// (Deployments that set QR_SIGNING_KEYS rotate the same way: run this on a copy and redeploy the JSON.)
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { ensureBuild, root } = require('./ensure-build');

ensureBuild();
const { SigningKeyRing } = require(join(root, 'dist/libs/vouchers/src/index.js'));
const file = join(process.env.DATA_DIR ?? './data', 'qr-signing-keys.json');
if (!existsSync(file)) {
  console.error(`no key ring at ${file}: start the service once (npm start) to create it`);
  process.exit(2);
}
const ring = SigningKeyRing.fromJSON(readFileSync(file, 'utf8'));
const rotated = ring.rotate(`k${Date.now().toString(36)}`);
writeFileSync(file, JSON.stringify(rotated.toJSON()), { mode: 0o600 });
console.log(
  `${file}: ${rotated.activeKeyId} now signs; ${ring
    .publicKeys()
    .map((key) => key.kid)
    .join(', ')} still verify`,
);
