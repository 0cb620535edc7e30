/**
 * Wiring: config → logger → database → hotels → NLU → dialogue → Chatwoot client (or the sandbox) → inbox and
 * worker → HTTP. `startService()` is the service, in process, for `npm start` (main.ts), tests and tools.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { createApp } from './app';
import { ChatwootClient } from './chatwoot/client';
import type { Config } from './config';
import type { Database } from './db/database';
import { EmbeddedDatabase } from './db/embedded';
import { beginOpening, type OpeningDatabase } from './db/open';
import { HotelDialogue } from './dialogue/hotel-dialogue';
import { ConversationStore } from './inbox/conversation-store';
import { createIntake } from './inbox/intake';
import { Housekeeping } from './inbox/housekeeping';
import { IntakePressure } from './inbox/pressure';
import { TurnProcessor } from './inbox/processor';
import { InboxStore } from './inbox/store';
import { Worker } from './inbox/worker';
import { createLogger, type Logger } from './logging/logger';
import { createNluEngine } from './nlu/factory';
import type { NluEngine } from './nlu/port';
import { Metrics } from './ops/metrics';
import { listenWhileStarting, type StartingServer } from './ops/starting-server';
import { defaultAgentDir } from './paths';
import { hotelForInbox, loadHotels } from './reservations/hotel-file';
import { SqlReservationStore } from './reservations/sql-store';
import { systemClock, type Clock } from './time/clock';
import { createSandbox } from './sandbox';

/** Fixed, documented tokens for trying provisioning against the local sandbox (never used with a real Chatwoot). */
export const SANDBOX_ADMIN_TOKEN = 'sandbox-admin-token';
export const SANDBOX_PLATFORM_TOKEN = 'sandbox-platform-token';

export interface RunningService {
  url: string;
  config: Config;
  db: Database;
  worker: Worker;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  agentDir?: string;
  /** What "today" means for guests and bookings (tests fix it; production uses the system clock). */
  clock?: Clock;
  /** A port already listening while the service starts (`npm start`): it gets the application once ready. */
  listening?: StartingServer;
  /** The configured database, already being opened (`npm start` begins before loading the service). */
  database?: Promise<OpeningDatabase>;
}

export async function startService(config: Config, opts: StartOptions = {}): Promise<RunningService> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger(config.log);
  for (const w of config.warnings) logger.warn(w);
  const metrics = new Metrics();
  const phase = (text: string) => opts.listening?.phase(text);

  phase('reading the hotel file');
  const hotels = loadHotels(config.hotelConfigPath);
  // On a first start the language engine loads on this thread while PostgreSQL boots in the new data directory on
  // its own; otherwise one after the other (beginOpening says why).
  const opening = config.database.url ? 'connecting to PostgreSQL' : 'opening the embedded database (the first start creates it)';
  const loading = `loading the ${config.nlu.engine === 'dialogflow' ? 'Dialogflow' : 'embedded'} language engine`;
  let pending = [opening, loading];
  const done = (text: string) => {
    pending = pending.filter((p) => p !== text);
    if (pending.length) phase(pending.join(', '));
  };
  phase(opening);
  const database = opts.database ? await opts.database : beginOpening({ url: config.database.url, dataDir: config.database.dataDir });
  let failed = false;
  database.database.catch(() => (failed = true));
  const [opened, loaded] = await Promise.allSettled([
    database.database.finally(() => done(opening)),
    database.files.then(() => {
      if (failed) throw new Error('not loaded: the database did not open');
      if (pending.includes(opening)) phase(pending.join(', '));
      return createNluEngine(config.nlu, { agentDir: opts.agentDir ?? defaultAgentDir, logger });
    }).finally(() => done(loading)),
  ]);
  if (opened.status === 'rejected' || loaded.status === 'rejected') {
    if (opened.status === 'fulfilled') await opened.value.close().catch(() => undefined);
    if (loaded.status === 'fulfilled') await loaded.value.close().catch(() => undefined);
    throw opened.status === 'rejected' ? opened.reason : (loaded as PromiseRejectedResult).reason;
  }
  const db = opened.value;
  if (db instanceof EmbeddedDatabase) {
    if (db.templateRefused) logger.warn(`The install-time database template was not used: ${db.templateRefused}; created the database instead`);
    if (db.origin === 'template') logger.info(`Created the embedded database in ${config.database.dataDir} from the install-time template`);
    else if (db.origin === 'initdb') logger.info(`Created the embedded database in ${config.database.dataDir} (no install-time template for these migrations)`);
  }
  const nlu: NluEngine = loaded.value;
  let worker: Worker | undefined;
  let server: http.Server | undefined;
  let sandboxClose: (() => Promise<void>) | undefined;
  try {
    const reservations = new SqlReservationStore(db, hotels, { now: () => clock.now(), onBooking: (op) => metrics.bookings.inc({ operation: op }) });
    const timedNlu: NluEngine = {
      name: nlu.name,
      ready: () => nlu.ready(),
      close: () => nlu.close(),
      // The dialogue answers guests in these languages (src/dialogue/language.ts).
      get languages() {
        return nlu.languages;
      },
      detect: async (q) => {
        const start = process.hrtime.bigint();
        const r = await nlu.detect(q);
        metrics.nluLatency.observe({ engine: r.engine }, Number(process.hrtime.bigint() - start) / 1e9);
        return r;
      },
    };
    const dialogue = new HotelDialogue({
      nlu: timedNlu,
      reservations,
      hotelFor: (inboxId) => hotelForInbox(hotels, inboxId) ?? hotels[0],
      handoffConfidence: config.nlu.handoffConfidence,
      clock,
    });

    // Sandbox mode: this process also plays Chatwoot, reached over HTTP on the service's own port and address.
    const listenPort = config.port;
    let selfUrl = '';
    const sandboxSecret = config.chatwoot.webhookSecrets[0] ?? randomBytes(18).toString('base64url');
    const sandboxToken = config.chatwoot.botToken ?? randomBytes(18).toString('base64url');
    const effective: Config = config.sandbox
      ? { ...config, chatwoot: { ...config.chatwoot, webhookSecrets: [sandboxSecret], signatureMode: 'enforce', botToken: sandboxToken } }
      : config;

    const inbox = new InboxStore(db);
    const conversations = new ConversationStore(db, config.conversationIdleMinutes);
    const chatwoot = new ChatwootClient({
      baseUrl: config.chatwoot.baseUrl ?? 'http://127.0.0.1',
      token: effective.chatwoot.botToken ?? '',
      timeoutMs: config.chatwoot.timeoutMs,
      logger: logger.child({ component: 'chatwoot' }),
      onCall: (endpoint, status) => metrics.chatwootCalls.inc({ endpoint, status: String(status) }),
    });
    const processor = new TurnProcessor({
      db,
      store: inbox,
      conversations,
      dialogue,
      logger: logger.child({ component: 'worker' }),
      handoffTeamId: config.handoffTeamId,
      assist: config.agentAssist,
      onHandoff: (reason) => metrics.handoffs.inc({ reason }),
      onTurn: (kind) => metrics.turns.inc({ kind }),
    });
    const pressure = new IntakePressure();
    worker = new Worker({
      store: inbox,
      processor,
      chatwoot,
      logger: logger.child({ component: 'worker' }),
      concurrency: config.workerConcurrency,
      // On the embedded database a turn's queries run on the CPU intake needs, and two conversations at once finish
      // about as many turns as sixteen; on PostgreSQL turns mostly wait on the server, and fewer at once would cut
      // throughput below what the replica can take: no burst limit there.
      burstConcurrency: db.kind === 'embedded' ? 2 : undefined,
      intakeBusy: () => pressure.busy(),
      onEventDone: () => pressure.turnFinished(),
    });
    const w0 = worker;
    const intake = createIntake(inbox, (key) => {
      pressure.arrived();
      w0.kick(key);
    });

    let sandboxRouter;
    if (config.sandbox) {
      const sb = createSandbox({
        logger: logger.child({ component: 'sandbox' }),
        webhookUrl: () => `${selfUrl}/webhooks/chatwoot`,
        secret: sandboxSecret,
        botToken: sandboxToken,
        adminToken: SANDBOX_ADMIN_TOKEN,
        platformToken: SANDBOX_PLATFORM_TOKEN,
      });
      sandboxRouter = sb.router;
      sandboxClose = sb.close;
    }
    const app = createApp({ config: effective, logger, db, nlu, metrics, inbox, accept: intake, sandbox: sandboxRouter });
    const listening = opts.listening ?? (await listenWhileStarting({ port: listenPort, host: config.host }));
    server = listening.server;
    selfUrl = listening.url;
    if (config.sandbox) chatwoot.setBaseUrl(selfUrl);
    listening.serve(app);
    worker.start();
    const housekeeping = new Housekeeping(db, logger.child({ component: 'housekeeping' }));
    housekeeping.start();

    const s = server;
    const w = worker;
    const n = nlu;
    return {
      url: selfUrl,
      config: effective,
      db,
      worker: w,
      close: async () => {
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections?.();
        await w.stop();
        await housekeeping.stop();
        await sandboxClose?.();
        await n.close();
        await db.close();
      },
    };
  } catch (err) {
    server?.close();
    await worker?.stop();
    await nlu.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}

/** `npm start`: see main.ts (it binds the port first, then loads this module). Kept here for older callers. */
export { main } from './main';
