/**
 * The HTTP application: the webhook receiver, health, readiness and metrics, and (in sandbox mode) the sandbox.
 * Everything it needs is passed in, so tests build it with real parts on loopback.
 */
import express from 'express';
import type { Config } from './config';
import { createWebhookRouter } from './chatwoot/receiver';
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
  /** Mounted first in sandbox mode: the chat page and the Chatwoot-compatible API. */
  sandbox?: express.Router;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.use(
    '/webhooks/chatwoot',
    createWebhookRouter({
      chatwoot: deps.config.chatwoot,
      logger: deps.logger,
      accept: deps.accept,
      onOutcome: (event, outcome) => deps.metrics.webhookEvents.inc({ event, outcome }),
    }),
  );

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
    else res.status(200).json({ status: 'ready', database: deps.db.kind, nlu: deps.nlu.name });
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
