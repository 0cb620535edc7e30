-- Base schema marker. Each area owns its own numbered files:
--   01xx inbox and outbox, 02xx conversation state, 03xx reservations, 04xx agent assist.
CREATE TABLE IF NOT EXISTS service_instances (
  id TEXT PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
