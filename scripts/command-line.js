// The command line of the scripts that run before dist/ exists (npm start, npm run build, bench:start, the install
// step): they cannot load src/cli/args.ts, so this keeps its contract in plain JavaScript. `--help` prints the usage
// (exit code 0); a mistake is refused in the same words as every other command, exit code 2.
const { parseArgs } = require('node:util');

const MISTAKES = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (name) => `unknown option ${name}`,
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (name, message) => (/does not take/.test(message) ? `option ${name} takes no value` : `option ${name} needs a value`),
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: (name) => `unexpected argument ${name}`,
};

/** The options' values (`util.parseArgs` options), or the process ends: after the usage, or with the mistake. */
function commandLine(usage, options = {}, args = process.argv.slice(2)) {
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const mistake = MISTAKES[err.code];
    if (!mistake) throw err;
    const name = (/'([^']+)'/.exec(err.message) || [])[1] || '';
    process.stderr.write(`${mistake(name.split(' ')[0], err.message)}; see --help\n`);
    process.exit(2);
  }
}

module.exports = { commandLine };
