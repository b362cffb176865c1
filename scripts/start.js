// `npm start`: build if needed, then run API + (later) projector and relay in one process.
const { ensureBuild, root } = require('./ensure-build');
const { join } = require('node:path');

ensureBuild();
require(join(root, 'dist/apps/api/src/main.js'));
