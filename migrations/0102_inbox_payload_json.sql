-- Deliveries are stored as Chatwoot sent them and only ever read back whole: JSON (validated text) instead of
-- JSONB skips the binary conversion that made up half the cost of writing a delivery on the embedded database.
ALTER TABLE inbox_events ALTER COLUMN payload TYPE JSON USING payload::json;
