/**
 * Webhook delivery like Chatwoot's AgentBots::WebhookJob: one POST per event, signed (4.13), retried only on
 * 429 and 500 (3 attempts), in a queue so events may arrive while earlier ones are still being answered.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';

export interface DeliveryLogEntry {
  at: string;
  event: string;
  status: number | string;
  attempt: number;
  deliveryId: string;
}

export class WebhookDelivery {
  readonly log: DeliveryLogEntry[] = [];
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: { url: () => string; secret: string; logger: Logger; retryDelayMs?: number }) {}

  send(payload: { event?: unknown } & Record<string, unknown>): void {
    const p = this.deliver(JSON.stringify(payload), String(payload.event), randomUUID()).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async deliver(body: string, event: string, deliveryId: string): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = `sha256=${createHmac('sha256', this.opts.secret).update(`${ts}.${body}`).digest('hex')}`;
      let status: number | string;
      try {
        const res = await fetch(this.opts.url(), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'x-chatwoot-delivery': deliveryId,
            'x-chatwoot-timestamp': ts,
            'x-chatwoot-signature': signature,
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (err) {
        status = (err as Error).name;
      }
      this.log.push({ at: new Date().toISOString(), event, status, attempt, deliveryId });
      if (this.log.length > 1000) this.log.splice(0, this.log.length - 1000);
      if (status !== 429 && status !== 500) {
        if (typeof status !== 'number' || status >= 300) this.opts.logger.warn(`sandbox: webhook ${event} failed (${status})`);
        return;
      }
      await new Promise((r) => setTimeout(r, this.opts.retryDelayMs ?? 500));
    }
  }

  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
