/** The Dialogflow ES agent export format (as the console exports it), the parts the bot reads. */

export interface PhrasePart {
  text: string;
  alias?: string;
  meta?: string; // "@sys.date", "@room-type"
  userDefined?: boolean;
}

export interface TrainingPhrase {
  data: PhrasePart[];
  lang?: string;
}

export interface IntentParameter {
  name: string;
  dataType: string;
  required?: boolean;
  prompts?: Array<{ lang: string; value: string }>;
  isList?: boolean;
}

/** Message type as the console writes it: numbers (0 text, 4 custom payload) or strings in newer exports. */
export interface IntentMessage {
  type: number | string;
  lang?: string;
  speech?: string | string[];
  payload?: Record<string, unknown>;
  platform?: string;
}

export interface IntentFile {
  name: string;
  auto?: boolean;
  contexts?: string[];
  priority?: number;
  fallbackIntent?: boolean;
  events?: Array<{ name: string }>;
  responses?: Array<{
    action?: string;
    resetContexts?: boolean;
    affectedContexts?: Array<{ name: string; lifespan?: number; parameters?: Record<string, unknown> }>;
    parameters?: IntentParameter[];
    messages?: IntentMessage[];
  }>;
}

export interface Intent extends IntentFile {
  /** Training phrases per language. */
  phrases: Record<string, TrainingPhrase[]>;
}

export interface EntityEntry {
  value: string;
  synonyms: string[];
}

export interface Entity {
  name: string;
  isRegexp?: boolean;
  isEnum?: boolean;
  automatedExpansion?: boolean;
  entries: Record<string, EntityEntry[]>;
}

export interface AgentSettings {
  language: string;
  supportedLanguages?: string[];
  defaultTimezone?: string;
  mlMinConfidence?: number;
  displayName?: string;
}

export interface Agent {
  settings: AgentSettings;
  intents: Intent[];
  entities: Entity[];
}

export const phraseText = (p: TrainingPhrase) => p.data.map((d) => d.text).join('');
