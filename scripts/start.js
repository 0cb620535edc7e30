// `npm start`: build if needed, then run the service (sandbox mode when CHATWOOT_BASE_URL is unset).
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');
buildIfNeeded();
require(path.join(root, 'dist', 'server.js')).main();
