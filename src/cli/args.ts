/**
 * The one command-line parser of every `npm run …` command: Node's own `util.parseArgs` (`--x v` and `--x=v` alike),
 * `--help` on every command, and one error style: "unknown option --x; see --help".
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A mistake in how the command was called: the message says what to change; the exit code is 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `usage` is printed for `--help`; `options` as `util.parseArgs` takes them. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  usage: string;
  options: O;
}

/** True when `--help` or `-h` comes before any `--` (after it, words are positionals). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function usageErrorOf(err: unknown): Error {
  const e = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
  const name = quoted.split(' ')[0];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${name}; see --help`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(/does not take/.test(e.message ?? '') ? `option ${name} takes no value; see --help` : `option ${name} needs a value; see --help`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${name}; see --help`);
    default:
      return err as Error;
  }
}

/**
 * Parses `args`, or prints the usage and returns undefined when `--help` was asked (the command then exits 0).
 * Throws UsageError for an unknown option, a missing value, or a value given to a flag.
 */
export function parseCommand<const O extends ParseArgsOptionsConfig>(args: string[], spec: CommandSpec<O>) {
  if (asksForHelp(args)) {
    process.stdout.write(`${spec.usage}\n`);
    return undefined;
  }
  try {
    return parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageErrorOf(err);
  }
}

/** A usage error that points at --help, in the same style as the parser's own. */
export function usageError(problem: string): UsageError {
  return new UsageError(`${problem}; see --help`);
}

/** The sub-command word of a command with several (`nlu parse`, `intents zip`), or a usage error. */
export function subcommand<K extends string>(args: string[], names: readonly K[], usage: string): { name: K; rest: string[] } | undefined {
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h') {
    if (first === undefined) throw usageError(`say which command: ${names.join(', ')}`);
    process.stdout.write(`${usage}\n`);
    return undefined;
  }
  if (!(names as readonly string[]).includes(first)) throw usageError(`unknown command ${first} (one of ${names.join(', ')})`);
  return { name: first as K, rest };
}
