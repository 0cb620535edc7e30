-- Whether each stored delivery was authenticated (a valid signature or URL token): a payload's hmac_verified is
-- believed only from those. Rows stored before this column are treated as unauthenticated.
ALTER TABLE inbox_events ADD COLUMN authenticated BOOLEAN NOT NULL DEFAULT false;
