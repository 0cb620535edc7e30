/**
 * Every command line of the project answers --help and refuses an unknown option the same way, run as an operator
 * runs it (scripts/run.js, a real process, the built dist/); so do the scripts npm runs directly (npm start,
 * npm run build, bench:start, the install step), which answer before they build or start anything.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../../src/paths';
import { ensureBuilt } from '../support/process';

function run(module: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'run.js'), module, ...args], {
    encoding: 'utf8',
    // production: run dist/ as built once in beforeAll, no rebuild check per process
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const COMMANDS: Array<[string, string[], RegExp]> = [
  ['cli/nlu', ['parse'], /npm run nlu -- parse "TEXT"/],
  ['cli/nlu', ['eval'], /npm run nlu -- eval --data FILE\.jsonl/],
  ['cli/intents', ['validate'], /npm run intents -- validate \[DIR\]/],
  ['cli/intents', ['zip'], /npm run intents -- zip \[DIR\] --out FILE\.zip/],
  ['cli/intents', ['push'], /npm run intents -- push \[DIR\]/],
  ['cli/intents', ['pull'], /npm run intents -- pull \[DIR\]/],
  ['cli/intents', ['from-jsonl'], /npm run intents -- from-jsonl FILE\.jsonl --out DIR/],
  ['cli/chatwoot', ['provision'], /npm run chatwoot -- provision --admin-token/],
  ['cli/chatwoot', ['replay'], /npm run chatwoot -- replay FILE\.json/],
  ['cli/bench', [], /npm run bench/],
  ['cli/vectors', [], /npm run vectors:build/],
];

describe('every command', () => {
  beforeAll(() => ensureBuilt());

  describe.each(COMMANDS)('%s %s', (module, command, usage) => {
    it('answers --help with its usage on stdout, exit code 0', () => {
      const r = run(module, [...command, '--help']);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(/^Usage:/);
      expect(r.out).toMatch(usage);
    });

    it('refuses an unknown option in the one error style, exit code 2', () => {
      const r = run(module, [...command, '--frobnicate']);
      expect([r.code, r.out, r.err]).toEqual([2, '', 'unknown option --frobnicate; see --help\n']);
    });
  });

  it.each(['cli/nlu', 'cli/intents', 'cli/chatwoot'])('%s: --help lists the sub-commands; an unknown one is refused', (module) => {
    const help = run(module, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage:/);
    const wrong = run(module, ['frobnicate']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/^unknown command frobnicate \(one of .*\); see --help\n$/);
  });

  it('a missing value names the option', () => {
    expect(run('cli/intents', ['zip', '--out']).err).toBe('option --out needs a value; see --help\n');
  });

  it('bench takes --x v and --x=v alike', () => {
    for (const args of [['--only', 'nope'], ['--only=nope']]) {
      const r = run('cli/bench', args);
      expect([r.code, r.err]).toEqual([2, '--only: unknown section nope (one of intake, turns, nlu, memory, adversarial); see --help\n']);
    }
    for (const args of [['--rate', '0'], ['--rate=0']]) {
      expect(run('cli/bench', args).err).toMatch(/^--rate must be guest messages per second from 1 to 10000.*got "0"/);
    }
  });
});

/** The scripts npm runs without scripts/run.js; a time limit so that one which ignored its arguments and started
 * the service would fail here instead of hanging. */
const SCRIPTS: Array<[string, RegExp]> = [
  ['start.js', /^Usage: npm start\n/],
  ['compile.js', /^Usage: npm run build\n/],
  ['bench-start.js', /^Usage: npm run bench:start/],
  ['build-if-needed.js', /^Usage: node scripts\/build-if-needed\.js \[--prepare\]/],
];

function script(file: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', file), ...args], { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.each(SCRIPTS)('scripts/%s', (file, usage) => {
  it('answers --help with its usage on stdout, exit code 0', () => {
    const r = script(file, ['--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(usage);
  });

  it('refuses an unknown option in the one error style, exit code 2', () => {
    expect(script(file, ['--frobnicate'])).toEqual({ code: 2, out: '', err: 'unknown option --frobnicate; see --help\n' });
  });
});

it('bench:start refuses a number of runs that is not one', () => {
  expect(script('bench-start.js', ['--runs=0'])).toEqual({ code: 2, out: '', err: '--runs must be a whole number from 1, got "0"; see --help\n' });
});
