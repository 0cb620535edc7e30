/**
 * The guest and staff API under /sandbox/api (the page and the tests use it; README "Trying it in the sandbox"):
 * a guest starts a conversation, writes, clicks options and submits forms; staff reply, hand back and resolve.
 * Each action changes the emulator's state and sends the webhooks Chatwoot would send for it.
 */
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { SandboxEmulator } from './emulator';
import { webwidgetTriggered } from './payloads';
import { SANDBOX_INBOXES, type Conversation, type Status } from './world';

const STATUSES = ['open', 'pending', 'resolved', 'snoozed'] as const satisfies readonly Status[];

const newConversation = z.object({
  inbox: z.enum(['web', 'whatsapp', 'api']).default('web'),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  verified: z.boolean().optional(),
  /**
   * The web widget's `browser_language` ("es-ES", "de"); null or "" for a browser that reports none (the bot then
   * reads the guest's language from the text). Default "en", as an English browser reports.
   */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/, 'language must be a code such as "es" or "pt-BR", or null for none')
    .or(z.literal(''))
    .nullable()
    .optional(),
});
const guestMessage = z.object({ content: z.unknown() });
const submission = z.object({
  values: z.array(z.record(z.string(), z.unknown())).optional(),
  email: z.string().optional(),
});
const statusChange = z.object({ status: z.enum(STATUSES, { error: 'status must be open, pending, resolved or snoozed' }) });
const staffMessage = z.object({ content: z.string().optional(), private: z.boolean().optional() });

/** Parses a request body, or answers 422 with what is wrong and returns undefined. */
function body<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  res.status(422).json({ error: issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message });
  return undefined;
}

/** What the page shows of a conversation: the guest's chat and the staff view. */
export function conversationView(emu: SandboxEmulator, c: Conversation) {
  const withStaff = c.status === 'open' || c.status === 'snoozed' || c.staffTookOver;
  return {
    id: c.id,
    inbox: emu.world.inboxes.get(c.inboxId),
    status: c.status,
    custom_attributes: c.customAttributes,
    /** A person has the conversation (open, snoozed, or staff wrote while it was pending). */
    with_staff: withStaff,
    /** Why the bot handed off, while a person has the conversation (not after it is handed back). */
    handoff_reason: withStaff ? ((c.customAttributes.bot_handoff_reason as string | undefined) ?? null) : null,
    team_id: c.teamId,
    typing: c.typing,
    version: c.version,
    contact: emu.world.contacts.get(c.contactId),
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
  };
}

export function guestApi(emu: SandboxEmulator): express.Router {
  const { world } = emu;
  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));
  const conv = (req: Request, res: Response): Conversation | undefined => {
    const c = world.conversations.get(Number(req.params.id));
    if (!c) res.status(404).json({ error: 'no such conversation' });
    return c;
  };
  const view = (c: Conversation) => conversationView(emu, c);

  api.post('/conversations', (req, res) => {
    const b = body(newConversation, req, res);
    if (!b) return;
    const inbox = SANDBOX_INBOXES[b.inbox];
    const isWhatsapp = b.inbox === 'whatsapp';
    const contact = world.addContact({
      name: b.name?.trim() || (isWhatsapp ? '+34 600 000 000' : 'Guest'),
      email: b.email?.trim() || null,
      phone: b.phone?.trim() || (isWhatsapp ? '+34600000000' : null),
      verified: Boolean(b.verified),
    });
    const c = world.addConversation(inbox.id, contact, b.language === undefined ? 'en' : b.language || null);
    if (b.inbox === 'web') emu.delivery.send(webwidgetTriggered(world, c, contact, world.inboxes.get(inbox.id)!, c.contactInboxId, c.sourceId));
    res.status(201).json(view(c));
  });
  api.get('/conversations/:id', (req, res) => {
    const c = conv(req, res);
    if (c) res.json(view(c));
  });
  api.post('/conversations/:id/messages', (req, res) => {
    const c = conv(req, res);
    const b = c && body(guestMessage, req, res);
    if (!c || !b) return;
    const content = String(b.content ?? '').slice(0, 10_000);
    if (!content.trim()) return void res.status(422).json({ error: 'content is required' });
    // A guest writing in a resolved conversation reopens it as pending, since the inbox has a bot (CONTRACT §3.9).
    if (c.status === 'resolved') emu.setStatus(c, 'pending');
    if (c.status === 'snoozed') emu.setStatus(c, 'open');
    const m = world.addMessage(c, { content, contentType: 'text', contentAttributes: { in_reply_to: null }, messageType: 'incoming', private: false, sender: { type: 'contact', id: c.contactId } });
    emu.emitMessage(c, m, 'message_created');
    res.status(201).json({ id: m.id });
  });
  api.post('/messages/:id/submit', (req, res) => {
    const found = world.findMessage(Number(req.params.id));
    if (!found) return void res.status(404).json({ error: 'no such message' });
    const b = body(submission, req, res);
    if (!b) return;
    const { conv: c, message: m } = found;
    const values = (b.values ?? []).map((v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x == null ? '' : String(x)])));
    if (world.inboxes.get(c.inboxId)?.channel !== 'Channel::WebWidget' && m.contentType === 'input_select') {
      // WhatsApp turns the options into buttons; a tap arrives as a new incoming message with the title.
      const title = values[0]?.title ?? values[0]?.value ?? '';
      const msg = world.addMessage(c, { content: title, contentType: 'text', contentAttributes: {}, messageType: 'incoming', private: false, sender: { type: 'contact', id: c.contactId } });
      emu.emitMessage(c, msg, 'message_created');
      return void res.json({ id: msg.id });
    }
    if (m.contentType === 'input_email') {
      if (!b.email) return void res.status(422).json({ error: 'email is required' });
      m.contentAttributes = { ...m.contentAttributes, submitted_email: b.email };
      world.contacts.get(c.contactId)!.email = b.email;
    } else {
      if (m.contentType === 'form') {
        const items = (m.contentAttributes.items as Array<{ name: string }>) ?? [];
        // The widget submits only when every field is filled.
        if (items.some((i) => !values.find((v) => v.name === i.name && v.value?.trim()))) return void res.status(422).json({ error: 'fill every field' });
      }
      m.contentAttributes = { ...m.contentAttributes, submitted_values: values.map((v) => (m.contentType === 'form' ? { name: v.name, value: v.value } : { title: v.title, value: v.value })) };
    }
    m.updatedAt = Date.now();
    emu.touch(c);
    emu.emitMessage(c, m, 'message_updated');
    res.json({ id: m.id });
  });
  api.post('/conversations/:id/read', (req, res) => {
    const c = conv(req, res);
    if (!c) return;
    for (const m of c.messages) {
      if (m.messageType !== 'incoming' && !m.private && m.status !== 'read' && m.status !== 'failed') {
        m.status = 'read';
        m.updatedAt = Date.now();
        emu.emitMessage(c, m, 'message_updated'); // read receipts: the bot must ignore them
      }
    }
    res.json({ ok: true });
  });
  api.post('/conversations/:id/status', (req, res) => {
    const c = conv(req, res);
    const b = c && body(statusChange, req, res);
    if (!c || !b) return;
    emu.setStatus(c, b.status);
    res.json(view(c));
  });
  api.post('/conversations/:id/staff', (req, res) => {
    const c = conv(req, res);
    const b = c && body(staffMessage, req, res);
    if (!c || !b) return;
    if (!b.content?.trim()) return void res.status(422).json({ error: 'content is required' });
    const m = world.addMessage(c, { content: b.content, contentType: 'text', contentAttributes: {}, messageType: 'outgoing', private: Boolean(b.private), sender: { type: 'user', id: world.staff.id, name: world.staff.name } });
    if (!m.private) c.staffTookOver = true;
    emu.emitMessage(c, m, 'message_created');
    res.status(201).json({ id: m.id });
  });
  api.get('/log', (_req, res) => res.json({ webhooks: emu.delivery.log, api: emu.apiLog }));
  return api;
}
