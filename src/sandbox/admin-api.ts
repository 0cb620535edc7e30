/**
 * The administrator and platform endpoints `npm run chatwoot -- provision` calls (admin and platform tokens only):
 * create an agent bot, connect it to an inbox, read an inbox's bot.
 */
import express from 'express';
import type { SandboxEmulator } from './emulator';
import { accessToken } from './bot-api';

interface AgentBot {
  id: number;
  name: string;
  outgoing_url: string;
  inboxes: Set<number>;
}

export interface AdminTokens {
  botToken: string;
  secret: string;
  platformToken?: string;
}

/** Adds the account-level admin paths to the Chatwoot API router and returns the platform API's router. */
export function adminApi(emu: SandboxEmulator, cw: express.Router, tokens: AdminTokens): express.Router {
  const { world } = emu;
  const bots = new Map<number, AgentBot>();
  const addBot = (name: string, outgoingUrl: string) => {
    const id = 10 + bots.size;
    bots.set(id, { id, name, outgoing_url: outgoingUrl, inboxes: new Set() });
    return id;
  };

  cw.post('/accounts/:a/agent_bots', (req, res) => {
    if (Number(req.params.a) !== world.account.id) return void res.status(404).json({ error: 'Resource could not be found' });
    const b = (req.body ?? {}) as { name?: string; outgoing_url?: string };
    if (!b.name) return void res.status(422).json({ message: "Name can't be blank", attributes: ['name'] });
    const id = addBot(b.name, b.outgoing_url ?? '');
    res.json({ id, name: b.name, description: '', thumbnail: '', outgoing_url: b.outgoing_url, bot_type: 'webhook', bot_config: {}, account_id: world.account.id, access_token: tokens.botToken, secret: tokens.secret, system_bot: false });
  });
  cw.post('/accounts/:a/inboxes/:i/set_agent_bot', (req, res) => {
    const inbox = world.inboxes.get(Number(req.params.i));
    if (Number(req.params.a) !== world.account.id || !inbox) return void res.status(404).json({ error: 'Resource could not be found' });
    const id = (req.body as { agent_bot?: number | null })?.agent_bot;
    for (const b of bots.values()) b.inboxes.delete(inbox.id);
    if (id != null) {
      const bot = bots.get(Number(id));
      if (!bot) return void res.status(404).json({ error: 'Resource could not be found' });
      bot.inboxes.add(inbox.id);
    }
    res.status(200).end();
  });
  cw.get('/accounts/:a/inboxes/:i/agent_bot', (req, res) => {
    const inbox = world.inboxes.get(Number(req.params.i));
    if (Number(req.params.a) !== world.account.id || !inbox) return void res.status(404).json({ error: 'Resource could not be found' });
    const bot = [...bots.values()].find((b) => b.inboxes.has(inbox.id));
    res.json({ agent_bot: bot ? { id: bot.id, name: bot.name, outgoing_url: bot.outgoing_url, bot_type: 'webhook' } : {} });
  });

  const platform = express.Router();
  platform.post('/platform/api/v1/agent_bots', express.json(), (req, res) => {
    if (!tokens.platformToken || accessToken(req) !== tokens.platformToken) return void res.status(401).json({ error: 'Invalid Access Token' });
    const b = (req.body ?? {}) as { name?: string; outgoing_url?: string; account_id?: number };
    const id = addBot(b.name ?? 'bot', b.outgoing_url ?? '');
    res.json({ id, name: b.name, description: '', outgoing_url: b.outgoing_url, account_id: b.account_id ?? null, access_token: tokens.botToken });
  });
  return platform;
}
