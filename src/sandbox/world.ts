/** What the sandbox's Chatwoot keeps in memory: one account, its inboxes, contacts, conversations and messages. */

export type Status = 'open' | 'resolved' | 'pending' | 'snoozed';

export interface Inbox {
  id: number;
  name: string;
  channel: 'Channel::WebWidget' | 'Channel::Whatsapp' | 'Channel::Api';
}

export interface Contact {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  verified: boolean;
}

export type Sender = { type: 'contact'; id: number } | { type: 'user'; id: number; name: string } | { type: 'agent_bot'; id: number; name: string } | { type: 'none' };

export interface Message {
  id: number;
  content: string;
  contentType: string;
  contentAttributes: Record<string, unknown>;
  messageType: 'incoming' | 'outgoing' | 'template' | 'activity';
  private: boolean;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  sender: Sender;
  echoId?: string;
  createdAt: number;
  updatedAt: number;
}

export interface Conversation {
  id: number;
  inboxId: number;
  contactId: number;
  contactInboxId: number;
  sourceId: string;
  status: Status;
  customAttributes: Record<string, unknown>;
  assigneeId: number | null;
  teamId: number | null;
  priority: string | null;
  messages: Message[];
  createdAt: number;
  updatedAt: number;
  lastActivityAt: number;
  typing: boolean;
  /**
   * Staff wrote to the guest since the conversation was last handed to the bot: a person has taken over even if
   * the status still says pending (the bot then opens the conversation itself, reason `staff_reply`).
   */
  staffTookOver: boolean;
  /** Increases on every change, for the page's polling. */
  version: number;
  /**
   * What the web widget reports as `browser_language` (the visitor's browser, e.g. "es-ES"); null when it reports
   * none, so the bot reads the language from what the guest writes.
   */
  browserLanguage: string | null;
}

/** The sandbox's inboxes, by the name the page and the guest API use for them. */
export const SANDBOX_INBOXES = {
  web: { id: 7, name: 'Miramar Website', channel: 'Channel::WebWidget' },
  whatsapp: { id: 8, name: 'Miramar WhatsApp', channel: 'Channel::Whatsapp' },
  api: { id: 9, name: 'Miramar API', channel: 'Channel::Api' },
} as const satisfies Record<string, Inbox>;
export type SandboxInboxName = keyof typeof SANDBOX_INBOXES;

export class SandboxWorld {
  readonly account = { id: 1, name: 'Hotel Miramar' };
  readonly bot = { id: 3, name: 'Miramar Concierge' };
  readonly staff = { id: 5, name: 'Carlos Ruiz' };
  readonly inboxes = new Map<number, Inbox>(Object.values(SANDBOX_INBOXES).map((i) => [i.id, { ...i }]));
  readonly contacts = new Map<number, Contact>();
  readonly conversations = new Map<number, Conversation>();
  private nextContact = 100;
  private nextConversation = 40;
  private nextMessage = 9000;
  private nextContactInbox = 130;

  addContact(c: Omit<Contact, 'id'>): Contact {
    const contact = { ...c, id: ++this.nextContact };
    this.contacts.set(contact.id, contact);
    return contact;
  }

  addConversation(inboxId: number, contact: Contact, browserLanguage: string | null = 'en'): Conversation {
    const now = Date.now();
    const conv: Conversation = {
      id: ++this.nextConversation,
      inboxId,
      contactId: contact.id,
      contactInboxId: ++this.nextContactInbox,
      sourceId: this.inboxes.get(inboxId)?.channel === 'Channel::Whatsapp' ? `34600${String(contact.id).padStart(6, '0')}` : `sandbox-${contact.id}-${now.toString(36)}`,
      status: 'pending', // the inbox has an active bot, so new conversations start pending (CONTRACT §6)
      customAttributes: {},
      assigneeId: null,
      teamId: null,
      priority: null,
      messages: [],
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      typing: false,
      staffTookOver: false,
      version: 1,
      browserLanguage,
    };
    this.conversations.set(conv.id, conv);
    return conv;
  }

  addMessage(conv: Conversation, m: Omit<Message, 'id' | 'createdAt' | 'updatedAt' | 'status'>): Message {
    const now = Date.now();
    const message: Message = { ...m, id: ++this.nextMessage, createdAt: now, updatedAt: now, status: 'sent' };
    conv.messages.push(message);
    conv.lastActivityAt = now;
    conv.updatedAt = now;
    conv.version++;
    return message;
  }

  findMessage(id: number): { conv: Conversation; message: Message } | undefined {
    for (const conv of this.conversations.values()) {
      const message = conv.messages.find((m) => m.id === id);
      if (message) return { conv, message };
    }
    return undefined;
  }
}
