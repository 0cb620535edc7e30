// At install (`prepare`), after the compile: train and calibrate the embedded engine's models for every language of
// `intents/` once, into its cache (src/nlu/local/model-cache.ts, keyed by the agent's content and the engine's code),
// so the first `npm start` reads them instead of training for a minute. Only a shortcut: a failure here is a
// warning, and the service trains at start as before.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function warmNluCache(root) {
  const engine = path.join(root, 'dist', 'nlu', 'local', 'multilingual.js');
  if (!fs.existsSync(engine) || !fs.existsSync(path.join(root, 'intents', 'agent.json'))) return;
  process.stderr.write('npm install: training the embedded language models once, so that the first start is quick…\n');
  const started = Date.now();
  const script = `require(${JSON.stringify(engine)}).MultilingualNluEngine.fromAgentDir(${JSON.stringify(path.join(root, 'intents'))}, { background: false }).then((e) => e.close())`;
  const result = spawnSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root, encoding: 'utf8' });
  if (result.status === 0) process.stderr.write(`Trained in ${Math.round((Date.now() - started) / 1000)} s.\n`);
  else process.stderr.write(`warning: the models were not trained ahead (${(result.stderr || '').trim().split('\n').pop()}); the first start trains them.\n`);
}

module.exports = { warmNluCache };
