// At install (`prepare`), after the compile, and in the container image: create and migrate the embedded database
// once, into a template (src/db/template.ts, under node_modules/.cache/, named by a hash of migrations/ and the
// PGlite version), so that the first `npm start` copies it into DATA_DIR instead of running PGlite's initdb and
// every migration (about 6 s on two busy cores). Only a shortcut: a failure here is a warning, and the first start
// creates the database as before.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function buildDbTemplate(root) {
  const open = path.join(root, 'dist', 'db', 'open.js');
  if (!fs.existsSync(open) || !fs.existsSync(path.join(root, 'migrations'))) return;
  const started = Date.now();
  // Its own process: PGlite's initdb leaves hundreds of MB of WebAssembly memory behind.
  const script = `require(${JSON.stringify(open)}).buildDatabaseTemplate().then((r) => process.stdout.write(r.built ? 'built' : 'current'))`;
  const result = spawnSync(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    // The error's own line, not the Node version line an uncaught exception ends with.
    const lines = (result.stderr || '').trim().split('\n');
    const why = lines.find((l) => /^\w*Error: /.test(l)) ?? lines.pop();
    process.stderr.write(`warning: the embedded database's template was not made (${why}); the first start creates the database.\n`);
  } else if (result.stdout === 'built') {
    process.stderr.write(`npm install: made the embedded database's template in ${Math.round((Date.now() - started) / 1000)} s, so that the first start copies it.\n`);
  }
}

module.exports = { buildDbTemplate };
if (require.main === module) buildDbTemplate(path.resolve(__dirname, '..'));
