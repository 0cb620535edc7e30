// `npm run nlu|intents|chatwoot|bench -- …`: build if needed, then run the named command module from dist/.
// Build messages go to stderr so that JSON output on stdout stays machine-readable.
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');
const [, , moduleName, ...args] = process.argv;
// In the production image dist/ is prebuilt and src/ is absent: never build there.
try {
  if (process.env.NODE_ENV !== 'production') buildIfNeeded();
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
const mod = require(path.join(root, 'dist', `${moduleName}.js`));
Promise.resolve(mod.main(args)).then(
  (code) => { process.exitCode = typeof code === 'number' ? code : 0; },
  // A usage mistake (UsageError, src/cli/args.ts) exits 2, any other failure 1.
  (err) => { process.stderr.write(`${err && err.message ? err.message : err}\n`); process.exitCode = (err && err.exitCode) || 1; },
);
