/**
 * Chatwoot's API as a bot token sees it (CONTRACT §5): the paths an agent bot may call, with Chatwoot's
 * validation and errors, including `401 Access to this endpoint is not authorized for bots` elsewhere. WhatsApp
 * inboxes refuse option lists beyond WhatsApp's limits the way Chatwoot reports it: the message fails later.
 */
import express, { type Request, type Response } from 'express';
import { WHATSAPP_LIMITS } from '../chatwoot/channel';
import type { SandboxEmulator } from './emulator';
import { validateMessage } from './validate';
import type { Conversation, Message, Status } from './world';

const BOT_PATHS = /^\/accounts\/(\d+)\/conversations\/(\d+)\/(messages|toggle_status|toggle_priority|toggle_typing_status|custom_attributes|assignments)$/;
const BOT_UPDATE = /^\/accounts\/\d+\/conversations(\/\d+)?$/;

export const accessToken = (req: Request) => req.header('api_access_token') ?? req.header('api-access-token');

/** Why WhatsApp would refuse this option list, or undefined when it fits (reply buttons or a list). */
export function whatsappRefusal(items: Array<{ title?: unknown }>): string | undefined {
  const L = WHATSAPP_LIMITS;
  if (items.length > L.listRows) return `(#131009) a list has at most ${L.listRows} rows`;
  const max = items.length <= L.buttons ? L.buttonTitle : L.rowTitle;
  const long = items.find((i) => [...String(i.title ?? '')].length > max);
  return long ? `(#131009) "${String(long.title)}" is longer than ${max} characters` : undefined;
}

/** Lets the bot token through to its own paths only; other valid tokens pass to the admin API. */
export function botAuth(tokens: { botToken: string; adminToken?: string }): express.RequestHandler {
  return (req, res, next) => {
    const token = accessToken(req);
    if (token !== tokens.botToken && !(tokens.adminToken && token === tokens.adminToken)) return void res.status(401).json({ error: 'Invalid Access Token' });
    if (token !== tokens.botToken) return next();
    const isBotCall = (req.method === 'POST' && BOT_PATHS.test(req.path.replace(/\/$/, ''))) || (BOT_UPDATE.test(req.path) && (req.method === 'PATCH' || req.method === 'POST'));
    if (isBotCall) return next();
    res.status(401).json({ error: 'Access to this endpoint is not authorized for bots' });
  };
}

export function botApi(emu: SandboxEmulator, cw: express.Router): void {
  const { world } = emu;
  const target = (req: Request, res: Response): Conversation | undefined => {
    if (Number(req.params.a) !== world.account.id) return void res.status(401).json({ error: 'Bot is not authorized to access this account' });
    const c = world.conversations.get(Number(req.params.c));
    if (!c) res.status(404).json({ error: 'Resource could not be found' });
    return c;
  };
  /** A send WhatsApp refuses: Chatwoot marks the message failed with the provider's error (CONTRACT §9). */
  const failOnWhatsapp = (c: Conversation, m: Message) => {
    if (world.inboxes.get(c.inboxId)?.channel !== 'Channel::Whatsapp' || m.contentType !== 'input_select') return;
    const refusal = whatsappRefusal((m.contentAttributes.items as Array<{ title?: unknown }>) ?? []);
    if (!refusal) return;
    m.status = 'failed';
    m.contentAttributes = { ...m.contentAttributes, external_error: refusal };
    m.updatedAt = Date.now();
    emu.touch(c);
    emu.emitMessage(c, m, 'message_updated');
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
    emu.emitMessage(c, m, 'message_created'); // the bot's own echo
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
    failOnWhatsapp(c, m);
  });
  cw.post('/accounts/:a/conversations/:c/toggle_status', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const status = (req.body as { status?: string })?.status;
    const next: Status = status && ['open', 'resolved', 'pending', 'snoozed'].includes(status) ? (status as Status) : c.status === 'open' ? 'resolved' : 'open';
    const handoff = c.status === 'pending' && next === 'open';
    emu.setStatus(c, next);
    res.json({ meta: {}, payload: { success: handoff ? null : true, conversation_id: c.id, current_status: c.status, snoozed_until: null } });
  });
  cw.post('/accounts/:a/conversations/:c/toggle_typing_status', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    c.typing = (req.body as { typing_status?: string })?.typing_status === 'on';
    emu.touch(c);
    res.status(200).end();
  });
  cw.post('/accounts/:a/conversations/:c/toggle_priority', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    c.priority = (req.body as { priority?: string })?.priority || null;
    emu.touch(c);
    res.status(200).end();
  });
  cw.post('/accounts/:a/conversations/:c/custom_attributes', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const attrs = (req.body as { custom_attributes?: unknown })?.custom_attributes;
    if (!attrs || typeof attrs !== 'object') return void res.status(422).json({ error: 'custom_attributes is required' });
    c.customAttributes = attrs as Record<string, unknown>; // replaces the whole hash, like Chatwoot
    emu.touch(c);
    emu.emitConversation(c, 'conversation_updated', [{ custom_attributes: { previous_value: {}, current_value: attrs } }]);
    res.json({ custom_attributes: c.customAttributes });
  });
  cw.post('/accounts/:a/conversations/:c/assignments', (req, res) => {
    const c = target(req, res);
    if (!c) return;
    const b = (req.body ?? {}) as { team_id?: number; assignee_id?: number | null };
    if (b.team_id !== undefined) {
      c.teamId = Number(b.team_id) || null;
      emu.touch(c);
      return void res.json({ id: c.teamId, name: 'Reservations', account_id: world.account.id });
    }
    if ('assignee_id' in b) {
      c.assigneeId = b.assignee_id ?? null;
      emu.touch(c);
      return void res.json(c.assigneeId ? { id: c.assigneeId, name: world.staff.name } : null);
    }
    res.json(null);
  });
  cw.patch('/accounts/:a/conversations/:c', (req, res) => {
    const c = target(req, res);
    if (c) res.json({ id: c.id, status: c.status, custom_attributes: c.customAttributes });
  });
}
