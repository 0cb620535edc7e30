-- The worker's poll reads the oldest pending work in arrival order; these make that a short index scan however
-- long the backlog (the old GROUP BY read every pending row on each poll).
CREATE INDEX inbox_events_pending_order ON inbox_events (id) WHERE processed_at IS NULL;
CREATE INDEX outbox_pending_order ON outbox (id) WHERE done_at IS NULL;
-- Housekeeping deletes old deliveries; each delete checks the outbox's reference to it.
CREATE INDEX outbox_inbox_event ON outbox (inbox_event_id);
