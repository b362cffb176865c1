// `npm run projector`: build if needed, then run the standalone projector (see apps/projector).
const { ensureBuild, root } = require('./ensure-build');
const { join } = require('node:path');

ensureBuild();
require(join(root, 'dist/apps/projector/src/main.js'));
