/**
 * The sandbox: a Chatwoot-compatible server in the bot's own process for `npm start` without Chatwoot. It serves
 * the chat page (GET /), a guest and staff API (/sandbox/api, see README), and the Chatwoot API paths a bot token
 * may call, with Chatwoot's validation and errors; it delivers signed webhooks in Chatwoot's shapes, including the
 * bot's own echoes and read receipts. It talks to the bot only over HTTP, as a real Chatwoot would.
 *
 * Parts: the emulator's state (emulator.ts, world.ts), the page (page.ts), the guest/staff API (guest-api.ts),
 * the bot API (bot-api.ts) and the admin API (admin-api.ts).
 */
import express from 'express';
import type { Logger } from '../logging/logger';
import { adminApi } from './admin-api';
import { botApi, botAuth } from './bot-api';
import { SandboxEmulator } from './emulator';
import { guestApi } from './guest-api';
import { pageRouter } from './page';

export interface SandboxOptions {
  logger: Logger;
  webhookUrl: () => string;
  secret: string;
  botToken: string;
  /** Lets `npm run chatwoot -- provision` be tried against the sandbox. */
  adminToken?: string;
  platformToken?: string;
}

export function createSandbox(opts: SandboxOptions) {
  const emu = new SandboxEmulator(opts);
  const router = express.Router();
  router.use(pageRouter());
  router.use('/sandbox/api', guestApi(emu));

  const cw = express.Router();
  cw.use(express.json({ limit: '1mb' }));
  cw.use((req, res, next) => {
    res.on('finish', () => emu.logApiCall({ at: new Date().toISOString(), method: req.method, path: req.originalUrl, status: res.statusCode }));
    next();
  });
  cw.use(botAuth(opts));
  botApi(emu, cw);
  const platform = adminApi(emu, cw, opts);
  cw.use((_req, res) => res.status(404).json({ error: 'Resource could not be found' }));
  router.use('/api/v1', cw);
  router.use(platform);

  return { router, world: emu.world, delivery: emu.delivery, close: () => emu.delivery.drain() };
}
