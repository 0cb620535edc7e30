/**
 * Where a booking was made, in the guest channel's own ids (today Chatwoot's account, contact and conversation).
 * The store keeps them so that the same contact may manage the booking without its code; it never calls the
 * channel and needs to know nothing else of it.
 */
export interface BookingOrigin {
  accountId?: number;
  contactId?: number;
  conversationId?: number;
}

/** An identified contact of the channel: the pair the store matches a booking's origin against. */
export interface ContactRef {
  accountId: number;
  contactId: number;
}
