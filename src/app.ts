/**
 * The HTTP application: the webhook receiver, health, readiness and metrics, and (in sandbox mode) the sandbox.
 * Everything it needs is passed in, so tests build it with real parts on loopback.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express from 'express';
import type { Config } from './config';
import { createWebhookHandler } from './chatwoot/receiver';
import type { AcceptedDelivery } from './chatwoot/receiver';
import type { Database } from './db/database';
import type { Logger } from './logging/logger';
import type { NluEngine } from './nlu/port';
import type { Metrics } from './ops/metrics';
import type { InboxStore } from './inbox/store';

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Database;
  nlu: NluEngine;
  metrics: Metrics;
  inbox: InboxStore;
  accept: (d: AcceptedDelivery) => Promise<'accepted' | 'duplicate'>;
  /** Sandbox mode: the chat page and the Chatwoot-compatible API, mounted after the service's own routes (so it
   * cannot shadow health, readiness or metrics) and before the 404. */
  sandbox?: express.Router;
}

const WEBHOOK_PATH = '/webhooks/chatwoot';

function isWebhookPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url?.startsWith(WEBHOOK_PATH)) return false;
  const rest = req.url.slice(WEBHOOK_PATH.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

/**
 * The service's request listener: webhook deliveries go straight to the receiver (the hot path: no Express routing
 * or response helpers, measured a third of a delivery's main-thread time), everything else to the Express app.
 */
export function createApp(deps: AppDeps): RequestListener {
  const webhook = createWebhookHandler({
    settings: deps.config.chatwoot,
    logger: deps.logger,
    accept: deps.accept,
    onOutcome: (event, outcome) => deps.metrics.webhookEvents.inc({ event, outcome }),
  });
  const app = createExpressApp(deps);
  return (req: IncomingMessage, res: ServerResponse) => (isWebhookPost(req) ? webhook(req, res) : app(req, res));
}

function createExpressApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const reasons: string[] = [];
    try {
      await deps.db.ping();
    } catch (err) {
      reasons.push(`database: ${(err as Error).message}`);
    }
    if (!deps.nlu.ready()) reasons.push(`nlu: the ${deps.nlu.name} engine is not ready`);
    if (reasons.length) res.status(503).json({ status: 'not_ready', reasons });
    // Settings that start but are unsafe (e.g. CHATWOOT_SIGNATURE_MODE=off) stay visible where operators look.
    else res.status(200).json({ status: 'ready', database: deps.db.kind, nlu: deps.nlu.name, ...(deps.config.warnings.length ? { warnings: deps.config.warnings } : {}) });
  });

  app.get('/metrics', async (_req, res) => {
    try {
      const depth = await deps.inbox.queueDepth();
      deps.metrics.queueDepth.set({ queue: 'events' }, depth.events);
      deps.metrics.queueDepth.set({ queue: 'actions' }, depth.actions);
    } catch {
      /* the database is down: report the other metrics anyway */
    }
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.end(await deps.metrics.registry.metrics());
  });

  if (deps.sandbox) app.use(deps.sandbox);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return app;
}
