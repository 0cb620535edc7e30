-- What the bot knows of each conversation: Chatwoot status as last seen, takeover, and the dialogue's state.
CREATE TABLE conversations (
  conversation_key TEXT PRIMARY KEY,
  account_id BIGINT,
  inbox_id BIGINT,
  conversation_id BIGINT NOT NULL,
  status TEXT,
  human_takeover BOOLEAN NOT NULL DEFAULT false,
  handed_off BOOLEAN NOT NULL DEFAULT false,
  state JSONB,
  state_updated_at TIMESTAMPTZ,
  assist_notes INT NOT NULL DEFAULT 0,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
