-- Durable intake: every accepted delivery, deduplicated, processed once in order per conversation.
CREATE TABLE inbox_events (
  id BIGSERIAL PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  conversation_key TEXT NOT NULL,
  event TEXT NOT NULL,
  delivery_id TEXT,
  payload JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  processed_at TIMESTAMPTZ,
  outcome TEXT,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error TEXT
);
CREATE INDEX inbox_events_unprocessed ON inbox_events (conversation_key, id) WHERE processed_at IS NULL;

-- Chatwoot calls decided by a turn, delivered in order per conversation; `id` doubles as the echo_id.
CREATE TABLE outbox (
  id BIGSERIAL PRIMARY KEY,
  conversation_key TEXT NOT NULL,
  inbox_event_id BIGINT REFERENCES inbox_events (id),
  account_id BIGINT NOT NULL,
  conversation_id BIGINT NOT NULL,
  action JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  done_at TIMESTAMPTZ,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (conversation_key, id) WHERE done_at IS NULL;

-- One worker at a time per conversation, across every replica; a dead replica's lease expires.
CREATE TABLE conversation_leases (
  conversation_key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

-- The bot's own messages as Chatwoot echoed them back: lets a retry after a lost response see it was delivered.
CREATE TABLE bot_echoes (
  id BIGSERIAL PRIMARY KEY,
  account_id BIGINT NOT NULL,
  conversation_id BIGINT NOT NULL,
  echo_id TEXT,
  content_hash TEXT NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bot_echoes_lookup ON bot_echoes (account_id, conversation_id, seen_at);
