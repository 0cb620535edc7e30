/** The hotel as the hotel file describes it (SPEC.md "The hotel file"), after validation. */

export interface DatedRate {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, exclusive
  rate: number;
}

export interface RoomType {
  id: string; // the room-type entity's reference value
  name: string;
  synonyms: string[];
  description: string;
  capacity: number; // guests per room
  count: number; // rooms of this type
  rate: number; // nightly rate in the hotel's currency
  rates: DatedRate[];
  image_url?: string;
}

export interface FaqEntry {
  topic: string;
  answer: string;
  /** Extra words that point at this topic ("car", "garage" for parking). */
  keywords?: string[];
}

export interface Hotel {
  id: string;
  name: string;
  timezone: string;
  currency: string;
  checkin_time: string;
  checkout_time: string;
  /** Chatwoot inboxes this hotel answers; undefined = every inbox (single hotel only). */
  inbox_ids?: number[];
  room_types: RoomType[];
  policies: Record<string, string>;
  faq: FaqEntry[];
  /** The hotel's own language: staff notes, and guests whose language the bot lacks. */
  language: string;
  /** A request for more rooms than this goes to staff with a group note; unset: the bot serves any size. */
  group_handoff_rooms?: number;
  /** Optional extras a hotel may add (address, phone, website, languages…). */
  [extra: string]: unknown;
}
