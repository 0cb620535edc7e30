/** What the bot keeps per conversation: last seen status, takeover flags and the dialogue's state (with expiry). */
import type { Database, Queryable, Statement } from '../db/database';
import type { ConversationMemory } from './guards';
import { storableJson } from './storable';

export interface ConversationRecord extends ConversationMemory {
  conversationKey: string;
  accountId?: number;
  inboxId?: number;
  conversationId: number;
  state?: unknown;
  stateUpdatedAt?: Date;
  assistNotes: number;
  unanswered?: string;
}

export interface ConversationFields {
  accountId?: number;
  inboxId?: number;
  conversationId: number;
  status?: string;
  humanTakeover?: boolean;
  handedOff?: boolean;
  state?: unknown;
  assistNotesDelta?: number;
  /** Chatwoot's updated_at (unix seconds) of the newest status information acted on; only moves forward. */
  statusAt?: number;
  /** The guest's message nobody answered while a person was in charge: a string sets it, null clears it. */
  unanswered?: string | null;
}

export class ConversationStore {
  constructor(
    private readonly db: Database,
    private readonly idleMinutes: number,
  ) {}

  async get(key: string, q: Queryable = this.db): Promise<ConversationRecord | undefined> {
    const rows = await q.query<any>('SELECT * FROM conversations WHERE conversation_key = $1', [key]);
    const r = rows[0];
    if (!r) return undefined;
    const stateUpdatedAt = r.state_updated_at ? new Date(r.state_updated_at) : undefined;
    const expired = stateUpdatedAt && Date.now() - stateUpdatedAt.getTime() > this.idleMinutes * 60_000;
    return {
      conversationKey: key,
      accountId: r.account_id == null ? undefined : Number(r.account_id),
      inboxId: r.inbox_id == null ? undefined : Number(r.inbox_id),
      conversationId: Number(r.conversation_id),
      status: r.status ?? undefined,
      humanTakeover: r.human_takeover,
      handedOff: r.handed_off,
      state: expired ? undefined : typeof r.state === 'string' ? JSON.parse(r.state) : (r.state ?? undefined),
      stateUpdatedAt,
      assistNotes: r.assist_notes,
      statusAt: r.status_at == null ? undefined : Number(r.status_at),
      unanswered: r.unanswered ?? undefined,
    };
  }

  /** Inserts or updates the given fields (undefined fields keep their value). */
  async upsert(q: Queryable, key: string, fields: ConversationFields): Promise<void> {
    const { sql, values } = this.upsertStatement(key, fields);
    await q.query(sql, values);
  }

  /**
   * The upsert as a statement, to run inside another one (InboxStore.complete makes it part of the statement that
   * finishes a turn). It writes only when `onlyIf` (an SQL condition) holds.
   */
  upsertStatement(key: string, fields: ConversationFields, onlyIf = 'true'): Statement {
    // Typed parameters: in INSERT … SELECT, PostgreSQL does not take their types from the target columns.
    return {
      sql: `INSERT INTO conversations (conversation_key, account_id, inbox_id, conversation_id, status, human_takeover, handed_off, state, state_updated_at, assist_notes, status_at, unanswered)
       SELECT $1::text, $2::bigint, $3::bigint, $4::bigint, $5::text, coalesce($6::boolean, false), coalesce($7::boolean, false), $8::jsonb,
              CASE WHEN $8::jsonb IS NULL THEN NULL ELSE now() END, coalesce($9::int, 0), $10::double precision, CASE WHEN $11::boolean THEN $12::text END
       WHERE ${onlyIf}
       ON CONFLICT (conversation_key) DO UPDATE SET
         account_id = coalesce(EXCLUDED.account_id, conversations.account_id),
         inbox_id = coalesce(EXCLUDED.inbox_id, conversations.inbox_id),
         status = coalesce($5::text, conversations.status),
         human_takeover = coalesce($6::boolean, conversations.human_takeover),
         handed_off = coalesce($7::boolean, conversations.handed_off),
         state = CASE WHEN $8::jsonb IS NULL THEN conversations.state ELSE $8::jsonb END,
         state_updated_at = CASE WHEN $8::jsonb IS NULL THEN conversations.state_updated_at ELSE now() END,
         assist_notes = conversations.assist_notes + coalesce($9::int, 0),
         status_at = greatest(conversations.status_at, $10::double precision),
         unanswered = CASE WHEN $11::boolean THEN $12::text ELSE conversations.unanswered END,
         updated_at = now()`,
      values: [
        key,
        fields.accountId ?? null,
        fields.inboxId ?? null,
        fields.conversationId,
        fields.status ?? null,
        fields.humanTakeover ?? null,
        fields.handedOff ?? null,
        fields.state === undefined ? null : storableJson(fields.state),
        fields.assistNotesDelta ?? null,
        fields.statusAt ?? null,
        fields.unanswered !== undefined,
        fields.unanswered ?? null,
      ],
    };
  }
}
