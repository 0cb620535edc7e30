/**
 * The emulated Chatwoot's state and what every change to it sends: the world (account, inboxes, contacts,
 * conversations), the webhook queue, and the bot API's request log. The three APIs and the page share one.
 */
import type { Logger } from '../logging/logger';
import { WebhookDelivery } from './delivery';
import { conversationEvent, messageWebhook } from './payloads';
import { SandboxWorld, type Conversation, type Message, type Status } from './world';

export interface ApiLogEntry {
  at: string;
  method: string;
  path: string;
  status: number;
}

export class SandboxEmulator {
  readonly world = new SandboxWorld();
  readonly delivery: WebhookDelivery;
  readonly apiLog: ApiLogEntry[] = [];

  constructor(opts: { logger: Logger; webhookUrl: () => string; secret: string }) {
    this.delivery = new WebhookDelivery({ url: opts.webhookUrl, secret: opts.secret, logger: opts.logger });
  }

  /** Marks a change the page must show (it polls the version). */
  touch(c: Conversation): void {
    c.version++;
    c.updatedAt = Date.now();
  }

  emitMessage(c: Conversation, m: Message, event: 'message_created' | 'message_updated'): void {
    this.delivery.send(messageWebhook(this.world, c, m, event));
  }

  emitConversation(c: Conversation, event: string, changed: unknown): void {
    this.delivery.send(conversationEvent(this.world, c, event, changed));
  }

  /** A status change with the webhooks Chatwoot sends for it; handing to the bot ends a staff takeover. */
  setStatus(c: Conversation, status: Status): void {
    if (status === 'pending') c.staffTookOver = false;
    if (c.status === status) return void this.touch(c);
    const previous = c.status;
    c.status = status;
    this.touch(c);
    if (status === 'open') this.emitConversation(c, 'conversation_opened', null);
    if (status === 'resolved') this.emitConversation(c, 'conversation_resolved', null);
    this.emitConversation(c, 'conversation_status_changed', null);
    this.emitConversation(c, 'conversation_updated', [{ status: { previous_value: previous, current_value: status } }]);
  }

  logApiCall(entry: ApiLogEntry): void {
    this.apiLog.push(entry);
    if (this.apiLog.length > 1000) this.apiLog.splice(0, this.apiLog.length - 1000);
  }
}
