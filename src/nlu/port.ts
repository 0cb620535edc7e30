/**
 * The NLU port: what the dialogue asks of any engine (Dialogflow ES or the embedded one).
 * It knows nothing of Chatwoot or of rooms in stock.
 */

/** Stay details as the booking flow and `nlu eval` use them (SPEC.md "Parameters"). */
export interface NormalizedParameters {
  checkin?: string; // YYYY-MM-DD
  checkout?: string; // YYYY-MM-DD
  nights?: number;
  guests?: number;
  rooms?: number;
  room_type?: string; // the room-type entity's reference value
  email?: string;
  name?: string;
  confirmation_code?: string;
  /**
   * Rooms of several types asked in one message ("4 doubles and 3 singles"), when the engine reads them (the
   * embedded one does, with the room-type entity of the guest's language); `room` is the entity's value.
   */
  room_mix?: Array<{ room: string; rooms: number }>;
}

export type FulfillmentMessage =
  | { type: 'text'; text: string }
  /** A custom payload as authored (Chatwoot message fields, or {"action": "handoff" | "resolve"}). */
  | { type: 'payload'; payload: Record<string, unknown> };

export interface NluContext {
  name: string; // short name, e.g. "awaiting_dates"
  lifespan: number;
  parameters?: Record<string, unknown>;
}

export interface NluQuery {
  /** What the guest wrote; exactly one of `text` and `event` is set. */
  text?: string;
  /** An event such as WELCOME (the widget was opened). */
  event?: string;
  /** Stable per conversation, at most 36 characters of [A-Za-z0-9_-]. */
  sessionId: string;
  /** e.g. "en", "es", "en-US"; engines map it to a language the agent has. */
  languageCode: string;
  /** IANA time zone that relative dates are read in (the hotel's). */
  timeZone: string;
  /** "Today" for relative dates (YYYY-MM-DD in `timeZone`); defaults to the current date there. */
  referenceDate?: string;
  /** Contexts to activate for this query (e.g. the question the bot just asked). */
  contexts?: NluContext[];
}

export interface NluResult {
  /** Intent display name, e.g. "booking.create"; "Default Fallback Intent" when nothing matched. */
  intent: string;
  /** 0..1, rounded to 4 decimals. */
  confidence: number;
  isFallback: boolean;
  /** Normalized parameters (dates as YYYY-MM-DD, counts as integers, room_type as reference value). */
  parameters: NormalizedParameters;
  allRequiredParamsPresent: boolean;
  /** The agent's authored responses for this intent (text and custom payloads), in order. */
  messages: FulfillmentMessage[];
  action?: string;
  outputContexts: NluContext[];
  engine: 'local' | 'dialogflow';
  languageCode: string;
  /**
   * The confidence at or above which the bot acts on this result, as the engine decided it: the embedded engine's
   * threshold calibrated from the agent's phrases (at least agent.json's mlMinConfidence); 0 for Dialogflow, whose
   * own classification threshold already turned weak matches into the fallback intent.
   */
  threshold?: number;
}

export interface NluEngine {
  readonly name: 'local' | 'dialogflow';
  /** The agent's languages, its default first (e.g. ["en", "es", "pt", "de", "fr"]): the guest's language is one of these. */
  readonly languages?: readonly string[];
  detect(query: NluQuery): Promise<NluResult>;
  /** True once the engine can answer (agent loaded and trained, or client created). */
  ready(): boolean;
  close(): Promise<void>;
}

/** Failure of a remote engine, mapped to what the NLU_FALLBACK policy needs to know. */
export class NluUnavailableError extends Error {
  constructor(
    message: string,
    public readonly reason: 'timeout' | 'unavailable' | 'quota' | 'auth' | 'invalid' | 'other',
    public readonly code?: number,
  ) {
    super(message);
    this.name = 'NluUnavailableError';
  }
}

export const FALLBACK_INTENT = 'Default Fallback Intent';

/**
 * Whether the bot acts on a result: not the fallback intent and confident enough. Confident enough is the result's
 * own threshold (calibrated for its agent), unless `override` (SPEC `HANDOFF_CONFIDENCE`) is given.
 * The one decision of the dialogue and of `nlu parse/eval`, so both decide the same for the same agent.
 */
export function decide(
  result: Pick<NluResult, 'intent' | 'confidence' | 'isFallback' | 'threshold'>,
  override?: number,
): 'act' | 'out_of_scope' {
  if (result.isFallback || result.intent === FALLBACK_INTENT) return 'out_of_scope';
  return result.confidence >= thresholdOf(result, override) ? 'act' : 'out_of_scope';
}

/** The threshold a decision is made with: the override, else the result's own, else 0 (the engine's fallback decided). */
export function thresholdOf(result: Pick<NluResult, 'threshold'>, override?: number): number {
  return override ?? result.threshold ?? 0;
}
