/** Prometheus metrics (GET /metrics): intake, NLU, handoffs, bookings, Chatwoot calls, queue depth. */
import * as client from 'prom-client';

export class Metrics {
  readonly registry = new client.Registry();
  readonly webhookEvents = new client.Counter({
    name: 'hotelbot_webhook_events_total',
    help: 'Webhook deliveries by event type and outcome',
    labelNames: ['event', 'outcome'],
    registers: [this.registry],
  });
  readonly nluLatency = new client.Histogram({
    name: 'hotelbot_nlu_latency_seconds',
    help: 'NLU detect latency by engine',
    labelNames: ['engine'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5],
    registers: [this.registry],
  });
  readonly handoffs = new client.Counter({ name: 'hotelbot_handoffs_total', help: 'Handoffs to staff by reason', labelNames: ['reason'], registers: [this.registry] });
  readonly bookings = new client.Counter({ name: 'hotelbot_bookings_total', help: 'Booking operations', labelNames: ['operation'], registers: [this.registry] });
  readonly chatwootCalls = new client.Counter({
    name: 'hotelbot_chatwoot_api_calls_total',
    help: 'Chatwoot API calls by endpoint and HTTP status',
    labelNames: ['endpoint', 'status'],
    registers: [this.registry],
  });
  readonly turns = new client.Counter({ name: 'hotelbot_turns_total', help: 'Guest turns handled by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly queueDepth = new client.Gauge({
    name: 'hotelbot_queue_depth',
    help: 'Unprocessed webhook events and undelivered Chatwoot actions',
    labelNames: ['queue'],
    registers: [this.registry],
  });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'hotelbot_' });
  }
}
