/**
 * winston, JSON (machines) or pretty (people). Child loggers carry the delivery id, account and conversation
 * through everything one webhook delivery causes, down to the outgoing Chatwoot calls.
 */
import * as winston from 'winston';
import { maskText, maskValue } from './mask';

export type Logger = winston.Logger;

const maskFormat = winston.format((info) => {
  const masked = maskValue({ ...info }) as Record<string, unknown>;
  for (const [k, v] of Object.entries(masked)) (info as Record<string, unknown>)[k] = v;
  if (typeof info.message === 'string') info.message = maskText(info.message);
  return info;
});

export function createLogger(
  opts: { level?: string; format?: 'json' | 'pretty'; toStderr?: boolean } = {},
): Logger {
  const level = opts.level ?? process.env.LOG_LEVEL ?? 'info';
  const format =
    opts.format === 'pretty'
      ? winston.format.combine(
          maskFormat(),
          winston.format.timestamp({ format: 'HH:mm:ss.SSS' }),
          winston.format.colorize(),
          winston.format.printf(({ timestamp, level: lvl, message, ...rest }) => {
            const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
            return `${timestamp} ${lvl} ${message}${extra}`;
          }),
        )
      : winston.format.combine(maskFormat(), winston.format.timestamp(), winston.format.json());
  return winston.createLogger({
    level,
    format,
    transports: [new winston.transports.Console({ stderrLevels: opts.toStderr ? Object.keys(winston.config.npm.levels) : [] })],
  });
}

/** A logger that drops everything: for tests and tools that must keep stdout clean. */
export function silentLogger(): Logger {
  return winston.createLogger({ silent: true, transports: [new winston.transports.Console({ silent: true })] });
}
