-- Chatwoot's own clock for status: the conversation's updated_at (unix seconds) of the newest status information the
-- bot has acted on, so a status event delivered late (Chatwoot sends each event as a separate job) is recognised as
-- older and ignored. And the guest's last message written while a person was in charge that nobody answered: the
-- bot answers it when staff hand the conversation back.
ALTER TABLE conversations ADD COLUMN status_at DOUBLE PRECISION;
ALTER TABLE conversations ADD COLUMN unanswered TEXT;
