-- Inventory per hotel, room type and night. `sold <= total` is the database's own guarantee against overselling,
-- whatever the concurrency and however many replicas write.
CREATE TABLE room_nights (
  hotel_id TEXT NOT NULL,
  room_type_id TEXT NOT NULL,
  night DATE NOT NULL,
  total INT NOT NULL,
  sold INT NOT NULL DEFAULT 0,
  PRIMARY KEY (hotel_id, room_type_id, night),
  CONSTRAINT room_nights_not_oversold CHECK (sold >= 0 AND sold <= total)
);

CREATE TABLE bookings (
  code TEXT PRIMARY KEY,
  hotel_id TEXT NOT NULL,
  room_type_id TEXT NOT NULL,
  rooms INT NOT NULL CHECK (rooms >= 1),
  checkin DATE NOT NULL,
  checkout DATE NOT NULL,
  guests INT NOT NULL CHECK (guests >= 1),
  guest_name TEXT NOT NULL,
  guest_email TEXT NOT NULL,
  total NUMERIC(12, 2) NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'confirmed',
  account_id BIGINT,
  contact_id BIGINT,
  conversation_id BIGINT,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (checkout > checkin)
);
CREATE INDEX bookings_guest_email ON bookings (hotel_id, lower(guest_email));
CREATE INDEX bookings_contact ON bookings (account_id, contact_id);
