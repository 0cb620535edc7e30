/**
 * The Chatwoot port: the calls an agent bot's token may make (CONTRACT.md §7.1).
 * The axios adapter (client.ts) implements it against a real Chatwoot or the sandbox.
 */

export type ContentType = 'text' | 'input_select' | 'cards' | 'form' | 'article' | 'input_email' | 'input_csat';

/** A message body as Chatwoot's messages API takes it (CONTRACT.md §5.1). */
export interface OutgoingMessage {
  content: string;
  content_type?: ContentType;
  content_attributes?: Record<string, unknown>;
  private?: boolean;
}

export interface ConversationRef {
  accountId: number;
  conversationId: number; // the display id
}

export type ConversationStatus = 'open' | 'resolved' | 'pending' | 'snoozed';

export interface SentMessage {
  id: number;
}

export interface ChatwootApi {
  /** `echoId` is sent as `echo_id` so a retry after a lost response can be recognised and not duplicated. */
  sendMessage(ref: ConversationRef, message: OutgoingMessage, opts?: { echoId?: string }): Promise<SentMessage>;
  toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void>;
  /** Typing indicator; a Chatwoot before 4.11.2 refuses it for bots, which is logged once and ignored. */
  setTyping(ref: ConversationRef, on: boolean): Promise<void>;
  /** Replaces the whole hash: callers merge with the webhook's `conversation.custom_attributes` first. */
  setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void>;
  assignTeam(ref: ConversationRef, teamId: number): Promise<void>;
}

/**
 * Chatwoot did not do the call, and a later attempt may succeed: 429, a 5xx, a timeout, a connection error. The
 * client makes one attempt per call; the outbox retries, waiting at least `retryAfterMs` when Chatwoot said so.
 */
export class ChatwootRetryableError extends Error {
  constructor(
    message: string,
    public readonly status: number | undefined,
    public readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'ChatwootRetryableError';
  }
}

/** Chatwoot answered with an error that retrying will not fix (4xx other than 429). */
export class ChatwootRequestError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(message);
    this.name = 'ChatwootRequestError';
  }
}
