// Compiles src/ into dist/ only when dist/ is missing or older than the sources. `npm install` compiles once (the
// `prepare` script), so `npm start` and the command-line tools start at once; after a change to src/ they compile
// again first, and say why.
//
// The compile runs in its own Node process: the service runs with small-heap flags (src/ops/runtime-flags.ts)
// that would slow the compiler down.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { stamp, root } = require('./compile');

/** The newest TypeScript file under `dir` (the page's HTML, CSS and JS are served as they are: no compile). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory() && !entry.name.endsWith('.ts')) continue;
    const m = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

/** Why dist/ must be compiled again, or null when it is up to date. */
function staleReason() {
  if (!fs.existsSync(stamp)) return 'dist/ has not been built yet';
  const built = fs.statSync(stamp).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'src')), fs.statSync(path.join(root, 'tsconfig.build.json')).mtimeMs);
  return sources > built ? 'src/ changed since the last build' : null;
}

function typescriptInstalled() {
  try {
    require.resolve('typescript');
    return true;
  } catch {
    return false;
  }
}

/** True when dist/ is built and current; false when a production install skipped the compile. */
function buildIfNeeded({ prepare = false } = {}) {
  // `npm ci --omit=dev` (a production install) has no compiler and may have no sources: nothing to compile then.
  if (prepare && (!fs.existsSync(path.join(root, 'src')) || !typescriptInstalled())) {
    process.stderr.write('prepare: no TypeScript compiler or no src/ here (a production install?): not compiling.\n');
    return false;
  }
  const reason = staleReason();
  if (!reason) return true;
  if (!typescriptInstalled()) {
    throw new Error(`${reason}, and TypeScript is not installed: run \`npm install\` (with dev dependencies) first.`);
  }
  process.stderr.write(
    prepare
      ? 'npm install: compiling src/ → dist/ now, so that `npm start` starts at once (about a minute on a slow machine).\n'
      : `${reason}: compiling once before starting (about a minute on a slow machine).\n`,
  );
  const result = spawnSync(process.execPath, [path.join(__dirname, 'compile.js')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error('The build failed (see above).');
  return true;
}

module.exports = { buildIfNeeded, staleReason, root };
if (require.main === module) {
  const { prepare } = require('./command-line').commandLine(
    `Usage: node scripts/build-if-needed.js [--prepare]
Compiles src/ into dist/ when dist/ is missing or older than the sources, and says why; otherwise does nothing.
  --prepare  the install step (npm install): no compiler (npm ci --omit=dev) is not an error, and after a
             compile the language models are trained once and the embedded database template is made`,
    { prepare: { type: 'boolean' } },
  );
  try {
    // dist/ is built (or was up to date): at install, the language models are trained once too, and the embedded
    // database is made once as a template for the first start.
    if (buildIfNeeded({ prepare }) && prepare) {
      require('./warm-nlu').warmNluCache(root);
      require('./build-db-template').buildDbTemplate(root);
    }
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
