// `npm run build` (and the `prepare` step of `npm install`): compiles src/ into dist/ with TypeScript's own API,
// so that long compiles show where they are (files checked out of the total) instead of a silent minute.
// Type errors stop the build, as `tsc` would. On success it writes dist/.build-stamp, which `npm start` compares
// with the sources to decide whether to compile again.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const tsconfig = path.join(root, 'tsconfig.build.json');

function seconds(since) {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}

/** One progress line: rewritten in place on a terminal, a line every few seconds otherwise (CI, logs). */
function progressReporter(out) {
  let lastPrinted = 0;
  return {
    update(text, force = false) {
      if (out.isTTY) out.write(`\r\x1b[K${text}`);
      else if (force || Date.now() - lastPrinted > 5000) {
        out.write(`${text}\n`);
        lastPrinted = Date.now();
      }
    },
    end(text) {
      out.write(out.isTTY ? `\r\x1b[K${text}\n` : `${text}\n`);
    },
  };
}

function compile({ out = process.stderr } = {}) {
  const ts = require('typescript');
  const started = Date.now();
  const progress = progressReporter(out);
  progress.update('Compiling TypeScript (src/ → dist/): reading the sources and the type declarations they use…', true);
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, host);
  if (parsed.errors.length) fail(parsed.errors);
  const program = ts.createIncrementalProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const diagnostics = [...program.getConfigFileParsingDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics()];
  // Type-checking is most of the time: it goes one changed file at a time, which is the progress shown.
  const ours = new Set(parsed.fileNames.map((f) => path.resolve(f)));
  let checked = 0;
  progress.update(`Compiling TypeScript (src/ → dist/): checking types, ${seconds(started)}…`, true);
  for (;;) {
    const next = program.getSemanticDiagnosticsOfNextAffectedFile();
    if (!next) break;
    diagnostics.push(...next.result);
    if (next.affected && ours.has(path.resolve(next.affected.fileName || ''))) {
      checked++;
      progress.update(`Compiling TypeScript (src/ → dist/): checked ${checked} of ${ours.size} files, ${seconds(started)}…`);
    }
  }
  progress.update(`Compiling TypeScript (src/ → dist/): writing dist/, ${seconds(started)}…`, true);
  const emitted = program.emit();
  diagnostics.push(...emitted.diagnostics);
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    progress.end(`Compiling TypeScript: ${errors.length} error(s), after ${seconds(started)}.`);
    fail(errors);
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString());
  progress.end(`Compiled src/ → dist/ in ${seconds(started)}.`);

  function fail(list) {
    const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(list, formatHost));
    process.stderr.write('\nThe build failed: fix the errors above in src/, then run `npm run build` (or `npm start`) again.\n');
    process.exit(1);
  }
}

module.exports = { compile, stamp, root };
if (require.main === module) {
  require('./command-line').commandLine(`Usage: npm run build
Compiles src/ into dist/ (type errors stop it, as tsc would) and stamps the build, so that npm start and the
commands skip compiling until src/ changes again. Takes no options.`);
  compile();
}
