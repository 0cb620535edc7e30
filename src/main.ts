/**
 * `npm start` and the container: read the settings, bind the port at once, then load and start everything else.
 * The port comes first so that the page answers within a second of `npm start` (showing the start's progress)
 * and an orchestrator sees a live, not-yet-ready process; loading the service's modules alone takes a second or
 * more on a busy machine, and opening the embedded database the first time much longer.
 */
import { ConfigError, loadConfig, type Config } from './config';
import { listenWhileStarting, type StartingServer } from './ops/starting-server';
import { sandboxPublicDir } from './paths';
import type { RunningService } from './server';

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  let listening: StartingServer;
  try {
    listening = await listenWhileStarting({ port: config.port, host: config.host, pageDir: config.sandbox ? sandboxPublicDir : undefined });
  } catch (err) {
    process.stderr.write(`Could not listen on ${config.host}:${config.port}: ${(err as Error).message}. Set PORT to a free port (or stop what uses it).\n`);
    process.exit(1);
  }
  // The logger (winston) loads after the port is bound: a few hundred milliseconds on a busy machine.
  const { createLogger } = await import('./logging/logger');
  const logger = createLogger(config.log);
  const shown = listening.url.replace('127.0.0.1', 'localhost');
  if (config.sandbox) logger.info(`Sandbox mode (no CHATWOOT_BASE_URL): open ${shown}; the page shows the start, then the chat`);
  logger.info(`Starting: ${shown}/readyz answers 200 once the database and the language engine are ready`);

  let service: RunningService | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    if (!service) {
      // Stopping halfway through opening the database could leave it half-made: let that finish, then stop.
      logger.info(`${signal}: stopping as soon as the start in progress has finished`);
      return;
    }
    logger.info(`${signal}: finishing the turns in progress, then stopping`);
    await service.close().catch((err) => logger.error(`shutdown: ${(err as Error).message}`));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // The database starts opening now, before the rest of the service loads: a first start copies or creates its files
  // on the disk and a thread prepares PGlite, while this thread loads the service and the language engine.
  // startService() reports a failure.
  const database = import('./db/open').then((m) => m.beginOpening({ url: config.database.url, dataDir: config.database.dataDir }));

  const started = Date.now();
  try {
    const { startService } = await import('./server');
    service = await startService(config, { logger, listening, database });
  } catch (err) {
    logger.error(`Could not start: ${(err as Error).message}`);
    process.exit(1);
  }
  if (stopping) {
    await service.close().catch((err) => logger.error(`shutdown: ${(err as Error).message}`));
    process.exit(0);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (config.sandbox) logger.info(`Ready in ${seconds} s: open ${shown} and chat with the bot as a guest`);
  else logger.info(`Ready in ${seconds} s, listening on ${service.url}; Chatwoot webhook: POST /webhooks/chatwoot`);
}

if (require.main === module) void main();
