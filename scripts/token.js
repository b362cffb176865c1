// `npm run token -- --role venue --org <id> [--sub <subject>] [--expires 12h]`: prints a bearer token
// signed with AUTH_JWT_SECRET, or with the development secret `npm start` keeps in DATA_DIR.
const { ensureBuild, root } = require('./ensure-build');
const { join } = require('node:path');
const { parseArgs } = require('node:util');

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    org: { type: 'string' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const roles = ['admin', 'payer', 'distributor', 'venue'];
if (!roles.includes(values.role) || !values.org) {
  console.error(
    `usage: npm run token -- --role <${roles.join('|')}> --org <id> [--sub <subject>] [--expires 12h]`,
  );
  process.exit(2);
}

ensureBuild();
const { developmentJwtSecret } = require(join(root, 'dist/apps/api/src/config/development-secret.js'));
const { signDevelopmentToken } = require(join(root, 'dist/apps/api/src/auth/token-signer.js'));
const secret = process.env.AUTH_JWT_SECRET || developmentJwtSecret(process.env.DATA_DIR ?? './data');
signDevelopmentToken(secret, { role: values.role, org: values.org, sub: values.sub }, values.expires).then(
  (token) => console.log(token),
);
