// `npm start`: compile if dist/ is missing or older than src/ (npm install already did), then run the service
// (sandbox mode when CHATWOOT_BASE_URL is unset). The service binds its port first and loads the rest after, so
// the page answers at once and shows the start's progress.
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');
const { commandLine } = require('./command-line');

commandLine(`Usage: npm start
Compiles src/ first if it changed since the last build, then runs the service on PORT (3000). Without
CHATWOOT_BASE_URL it is the sandbox: open http://localhost:3000 and chat as a guest. Every setting is an
environment variable (README, Configuration); the command takes no options.`);

try {
  buildIfNeeded();
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

// Started by `npm start`, the service ends with it. The script runs as `exec node …`, so npm's own forwarding
// of SIGTERM/SIGINT reaches this process directly; this watch covers the rest: npm killed outright (SIGKILL) or a
// shell in between that dies without passing the signal on. Orphaned, the process is adopted by another parent.
if (process.env.npm_lifecycle_event === 'start') {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  watch.unref();
}

require(path.join(root, 'dist', 'main.js')).main();
