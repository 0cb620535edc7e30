/**
 * The sandbox: a Chatwoot-compatible server in the bot's own process for `npm start` without Chatwoot. It serves
 * the chat page (GET /), a guest and staff API (/sandbox/api, see README), and the Chatwoot API paths a bot token
 * may call, with Chatwoot's validation and errors; it delivers signed webhooks in Chatwoot's shapes, including the
 * bot's own echoes and read receipts. It talks to the bot only over HTTP, as a real Chatwoot would.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import express, { type Request, type Response } from 'express';
import type { Logger } from '../logging/logger';
import { projectRoot } from '../paths';
import { WebhookDelivery } from './delivery';
import { conversationEvent, messageWebhook, webwidgetTriggered } from './payloads';
import { validateMessage } from './validate';
import { SandboxWorld, type Conversation, type Message, type Status } from './world';

export interface SandboxOptions {
  logger: Logger;
  webhookUrl: () => string;
  secret: string;
  botToken: string;
  /** Lets `npm run chatwoot -- provision` be tried against the sandbox. */
  adminToken?: string;
  platformToken?: string;
  hotels?: unknown;
}

const BOT_PATHS = /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)\/(messages|toggle_status|toggle_priority|toggle_typing_status|custom_attributes|assignments)$/;

export function createSandbox(opts: SandboxOptions) {
  const world = new SandboxWorld();
  const delivery = new WebhookDelivery({ url: opts.webhookUrl, secret: opts.secret, logger: opts.logger });
  const apiLog: Array<{ at: string; method: string; path: string; status: number }> = [];
  const router = express.Router();
  const publicDir = path.join(projectRoot, 'src', 'sandbox', 'public');
  const imgDir = path.join(projectRoot, 'config', 'img');

  const touch = (c: Conversation) => {
    c.version++;
    c.updatedAt = Date.now();
  };
  const emitMessage = (c: Conversation, m: Message, event: 'message_created' | 'message_updated') => delivery.send(messageWebhook(world, c, m, event));
  const setStatus = (c: Conversation, status: Status) => {
    if (c.status === status) return;
    const previous = c.status;
    c.status = status;
    touch(c);
    if (status === 'open') delivery.send(conversationEvent(world, c, 'conversation_opened', null));
    if (status === 'resolved') delivery.send(conversationEvent(world, c, 'conversation_resolved', null));
    delivery.send(conversationEvent(world, c, 'conversation_status_changed', null));
    delivery.send(conversationEvent(world, c, 'conversation_updated', [{ status: { previous_value: previous, current_value: status } }]));
  };

  // ---------------------------------------------------------------- the chat page and its assets
  router.get('/', (_req, res) => res.sendFile(path.join(publicDir, 'index.html')));
  router.get('/sandbox/static/:file', (req, res) => {
    const file = path.basename(String(req.params.file));
    const full = path.join(publicDir, file);
    if (!fs.existsSync(full)) return void res.status(404).end();
    res.sendFile(full);
  });
  router.get('/sandbox/img/:file', (req, res) => {
    const full = path.join(imgDir, path.basename(String(req.params.file)));
    if (!fs.existsSync(full)) return void res.status(404).end();
    res.sendFile(full);
  });

  // ---------------------------------------------------------------- guest and staff API (the page uses it)
  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));
  const conv = (req: Request, res: Response): Conversation | undefined => {
    const c = world.conversations.get(Number(req.params.id));
    if (!c) res.status(404).json({ error: 'no such conversation' });
    return c;
  };
  const view = (c: Conversation) => ({
    id: c.id,
    inbox: world.inboxes.get(c.inboxId),
    status: c.status,
    custom_attributes: c.customAttributes,
    team_id: c.teamId,
    typing: c.typing,
    version: c.version,
    contact: world.contacts.get(c.contactId),
    messages: c.messages.map((m) => ({
      id: m.id,
      content: m.content,
      content_type: m.contentType,
      content_attributes: m.contentAttributes,
      message_type: m.messageType,
      private: m.private,
      status: m.status,
      sender: m.sender,
      created_at: m.createdAt,
    })),
  });

  api.post('/conversations', (req, res) => {
    const b = (req.body ?? {}) as { inbox?: string; name?: string; email?: string; phone?: string; verified?: boolean };
    const inboxId = b.inbox === 'whatsapp' ? 8 : b.inbox === 'api' ? 9 : 7;
    const contact = world.addContact({
      name: b.name?.trim() || (inboxId === 8 ? '+34 600 000 000' : 'Guest'),
      email: b.email?.trim() || null,
      phone: b.phone?.trim() || (inboxId === 8 ? '+34600000000' : null),
      verified: Boolean(b.verified),
    });
    const c = world.addConversation(inboxId, contact);
    if (inboxId === 7) delivery.send(webwidgetTriggered(world, c, contact, world.inboxes.get(7)!, c.contactInboxId, c.sourceId));
    res.status(201).json(view(c));
  });
  api.get('/conversations/:id', (req, res) => {
    const c = conv(req, res);
    if (c) res.json(view(c));
  });
  api.post('/conversations/:id/messages', (req, res) => {
    const c = conv(req, res);
    if (!c) return;
    const content = String((req.body as { content?: unknown })?.content ?? '').slice(0, 10_000);
    if (!content.trim()) return void res.status(422).json({ error: 'content is required' });
    // A guest writing in a resolved conversation reopens it as pending, since the inbox has a bot (CONTRACT §3.9).
    if (c.status === 'resolved') setStatus(c, 'pending');
    if (c.status === 'snoozed') setStatus(c, 'open');
    const m = world.addMessage(c, { content, contentType: 'text', contentAttributes: { in_reply_to: null }, messageType: 'incoming', private: false, sender: { type: 'contact', id: c.contactId } });
    emitMessage(c, m, 'message_created');
    res.status(201).json({ id: m.id });
  });
  api.post('/messages/:id/submit', (req, res) => {
    const found = world.findMessage(Number(req.params.id));
    if (!found) return void res.status(404).json({ error: 'no such message' });
    const { conv: c, message: m } = found;
    const b = (req.body ?? {}) as { values?: Array<Record<string, string>>; email?: string };
    if (world.inboxes.get(c.inboxId)?.channel !== 'Channel::WebWidget' && m.contentType === 'input_select') {
      // WhatsApp turns the options into buttons; a tap arrives as a new incoming message with the title.
      const title = b.values?.[0]?.title ?? b.values?.[0]?.value ?? '';
      const msg = world.addMessage(c, { content: title, contentType: 'text', contentAttributes: {}, messageType: 'incoming', private: false, sender: { type: 'contact', id: c.contactId } });
      emitMessage(c, msg, 'message_created');
      return void res.json({ id: msg.id });
    }
    if (m.contentType === 'input_email') {
      if (!b.email) return void res.status(422).json({ error: 'email is required' });
      m.contentAttributes = { ...m.contentAttributes, submitted_email: b.email };
      const contact = world.contacts.get(c.contactId)!;
      contact.email = b.email;
    } else {
      const values = Array.isArray(b.values) ? b.values : [];
      if (m.contentType === 'form') {
        const items = (m.contentAttributes.items as Array<{ name: string }>) ?? [];
        // The widget submits only when every field is filled.
        if (items.some((i) => !values.find((v) => v.name === i.name && String(v.value ?? '').trim()))) return void res.status(422).json({ error: 'fill every field' });
      }
      m.contentAttributes = { ...m.contentAttributes, submitted_values: values.map((v) => (m.contentType === 'form' ? { name: v.name, value: v.value } : { title: v.title, value: v.value })) };
    }
    m.updatedAt = Date.now();
    touch(c);
    emitMessage(c, m, 'message_updated');
    res.json({ id: m.id });
  });
  api.post('/conversations/:id/read', (req, res) => {
    const c = conv(req, res);
    if (!c) return;
    for (const m of c.messages) {
      if (m.messageType !== 'incoming' && !m.private && m.status !== 'read') {
        m.status = 'read';
        m.updatedAt = Date.now();
        emitMessage(c, m, 'message_updated'); // read receipts: the bot must ignore them
      }
    }
    res.json({ ok: true });
  });
  api.post('/conversations/:id/status', (req, res) => {
    const c = conv(req, res);
    if (!c) return;
    const status = String((req.body as { status?: unknown })?.status);
    if (!['open', 'pending', 'resolved', 'snoozed'].includes(status)) return void res.status(422).json({ error: 'status must be open, pending, resolved or snoozed' });
    setStatus(c, status as Status);
    res.json(view(c));
  });
  api.post('/conversations/:id/staff', (req, res) => {
    const c = conv(req, res);
    if (!c) return;
    const b = (req.body ?? {}) as { content?: string; private?: boolean };
    if (!b.content?.trim()) return void res.status(422).json({ error: 'content is required' });
    const m = world.addMessage(c, { content: b.content, contentType: 'text', contentAttributes: {}, messageType: 'outgoing', private: Boolean(b.private), sender: { type: 'user', id: world.staff.id, name: world.staff.name } });
    emitMessage(c, m, 'message_created');
    res.status(201).json({ id: m.id });
  });
  api.get('/log', (_req, res) => res.json({ webhooks: delivery.log, api: apiLog }));
  router.use('/sandbox/api', api);

  // ---------------------------------------------------------------- Chatwoot's bot API
  const cw = express.Router();
  cw.use(express.json({ limit: '1mb' }));
  cw.use((req, res, next) => {
    res.on('finish', () => {
      apiLog.push({ at: new Date().toISOString(), method: req.method, path: req.originalUrl, status: res.statusCode });
      if (apiLog.length > 1000) apiLog.splice(0, apiLog.length - 1000);
    });
    const token = req.header('api_access_token') ?? req.header('api-access-token');
    if (token === opts.botToken) return next();
    if (opts.adminToken && token === opts.adminToken) return next();
    res.status(401).json({ error: 'Invalid Access Token' });
  });
  cw.all(/.*/, (req, res, next) => {
    const token = req.header('api_access_token') ?? req.header('api-access-token');
    const m = BOT_PATHS.exec(req.path.replace(/\/$/, '').replace(/^/, '/api/v1'));
    const isBot = token === opts.botToken;
    const botUpdate = /^\/accounts\/\d+\/conversations(\/\d+)?$/.test(req.path) && (req.method === 'PATCH' || req.method === 'POST');
    if (isBot && req.method === 'POST' && m) return next();
    if (isBot && botUpdate) return next();
    if (isBot) return void res.status(401).json({ error: 'Access to this endpoint is not authorized for bots' });
    next();
  });
  const target = (req: Request, res: Response): Conversation | undefined => {
    if (Number(req.params.a) !== world.account.id) return void res.status(401).json({ error: 'Bot is not authorized to access this account' });
    const c = world.conversations.get(Number(req.params.c));
    if (!c) res.status(404).json({ error: 'Resource could not be found' });
    return c;
  };
  cw.post('/accounts/:a/conversations/:c/messages', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const error = validateMessage(body);
    if (error) return void res.status(422).json({ error });
    const recent = c.messages.filter((m) => Date.now() - m.createdAt < 60_000).length;
    if (recent >= 200) return void res.status(422).json({ error: 'Validation failed: Too many messages' });
    let attrs = body.content_attributes ?? {};
    if (typeof attrs === 'string') attrs = JSON.parse(attrs);
    const m = world.addMessage(c, {
      content: String(body.content ?? ''),
      contentType: String(body.content_type ?? 'text'),
      contentAttributes: attrs as Record<string, unknown>,
      messageType: 'outgoing',
      private: Boolean(body.private),
      sender: { type: 'agent_bot', id: world.bot.id, name: world.bot.name },
      echoId: typeof body.echo_id === 'string' ? body.echo_id : undefined,
    });
    c.typing = false;
    emitMessage(c, m, 'message_created'); // the bot's own echo
    res.json({
      id: m.id,
      content: m.content,
      inbox_id: c.inboxId,
      ...(m.echoId ? { echo_id: m.echoId } : {}),
      conversation_id: c.id,
      message_type: 1,
      content_type: m.contentType,
      status: 'sent',
      content_attributes: m.contentAttributes,
      created_at: Math.floor(m.createdAt / 1000),
      private: m.private,
      source_id: null,
      sender: { id: world.bot.id, name: world.bot.name, avatar_url: '', type: 'agent_bot' },
    });
  });
  cw.post('/accounts/:a/conversations/:c/toggle_status', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const status = (req.body as { status?: string })?.status;
    const next: Status = status && ['open', 'resolved', 'pending', 'snoozed'].includes(status) ? (status as Status) : c.status === 'open' ? 'resolved' : 'open';
    const handoff = c.status === 'pending' && next === 'open';
    setStatus(c, next);
    res.json({ meta: {}, payload: { success: handoff ? null : true, conversation_id: c.id, current_status: c.status, snoozed_until: null } });
  });
  cw.post('/accounts/:a/conversations/:c/toggle_typing_status', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    c.typing = (req.body as { typing_status?: string })?.typing_status === 'on';
    touch(c);
    res.status(200).end();
  });
  cw.post('/accounts/:a/conversations/:c/toggle_priority', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    c.priority = (req.body as { priority?: string })?.priority || null;
    touch(c);
    res.status(200).end();
  });
  cw.post('/accounts/:a/conversations/:c/custom_attributes', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const attrs = (req.body as { custom_attributes?: unknown })?.custom_attributes;
    if (!attrs || typeof attrs !== 'object') return void res.status(422).json({ error: 'custom_attributes is required' });
    c.customAttributes = attrs as Record<string, unknown>; // replaces the whole hash, like Chatwoot
    touch(c);
    delivery.send(conversationEvent(world, c, 'conversation_updated', [{ custom_attributes: { previous_value: {}, current_value: attrs } }]));
    res.json({ custom_attributes: c.customAttributes });
  });
  cw.post('/accounts/:a/conversations/:c/assignments', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const b = (req.body ?? {}) as { team_id?: number; assignee_id?: number | null };
    if (b.team_id !== undefined) {
      c.teamId = Number(b.team_id) || null;
      touch(c);
      return void res.json({ id: c.teamId, name: 'Reservations', account_id: world.account.id });
    }
    if ('assignee_id' in b) {
      c.assigneeId = b.assignee_id ?? null;
      touch(c);
      return void res.json(c.assigneeId ? { id: c.assigneeId, name: world.staff.name } : null);
    }
    res.json(null);
  });
  cw.patch('/accounts/:a/conversations/:c', (req, res) => {
    const c = target(req, res);
    if (c) res.json({ id: c.id, status: c.status, custom_attributes: c.customAttributes });
  });
  // Administrator endpoints used by `npm run chatwoot -- provision` (admin token only).
  const bots = new Map<number, { id: number; name: string; outgoing_url: string; inboxes: Set<number> }>();
  cw.post('/accounts/:a/agent_bots', (req, res) => {
    if (Number(req.params.a) !== world.account.id) return void res.status(404).json({ error: 'Resource could not be found' });
    const b = (req.body ?? {}) as { name?: string; outgoing_url?: string };
    if (!b.name) return void res.status(422).json({ message: "Name can't be blank", attributes: ['name'] });
    const id = 10 + bots.size;
    bots.set(id, { id, name: b.name, outgoing_url: b.outgoing_url ?? '', inboxes: new Set() });
    res.json({ id, name: b.name, description: '', thumbnail: '', outgoing_url: b.outgoing_url, bot_type: 'webhook', bot_config: {}, account_id: world.account.id, access_token: opts.botToken, secret: opts.secret, system_bot: false });
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
  cw.use((_req, res) => res.status(404).json({ error: 'Resource could not be found' }));
  router.use('/api/v1', cw);
  router.post('/platform/api/v1/agent_bots', express.json(), (req, res) => {
    if (req.header('api_access_token') !== opts.platformToken || !opts.platformToken) return void res.status(401).json({ error: 'Invalid Access Token' });
    const b = (req.body ?? {}) as { name?: string; outgoing_url?: string; account_id?: number };
    const id = 10 + bots.size;
    bots.set(id, { id, name: b.name ?? 'bot', outgoing_url: b.outgoing_url ?? '', inboxes: new Set() });
    res.json({ id, name: b.name, description: '', outgoing_url: b.outgoing_url, account_id: b.account_id ?? null, access_token: opts.botToken });
  });

  return {
    router,
    world,
    delivery,
    close: () => delivery.drain(),
  };
}
