// `npm run projections:rebuild [-- name ...]`: build if needed, then rebuild read models (blue/green).
const { ensureBuild, root } = require('./ensure-build');
const { join } = require('node:path');

ensureBuild();
require(join(root, 'dist/apps/projector/src/rebuild.js'));
