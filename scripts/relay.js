// `npm run relay`: build if needed, then run the Kafka relay on its own (apps/relay).
const { ensureBuild, root } = require('./ensure-build');
const { join } = require('node:path');

ensureBuild();
require(join(root, 'dist/apps/relay/src/main.js'));
