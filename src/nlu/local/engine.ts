/**
 * The embedded NLU engine: runs a Dialogflow ES agent folder offline. Intent classification (classifier.ts),
 * parameters (extract.ts), input/output contexts with lifespans, events (WELCOME), priorities, the fallback intent
 * and its negative examples, and the intent's authored responses. Deterministic: same agent + input, same answer.
 */
import { expandShorthand } from './shorthand';
import type { Agent, Intent, IntentMessage } from '../agent/types';
import { phraseText } from '../agent/types';
import { loadAgent } from '../agent/load';
import {
  FALLBACK_INTENT,
  type FulfillmentMessage,
  type NluContext,
  type NluEngine,
  type NluQuery,
  type NluResult,
} from '../port';
import { IntentClassifier } from './classifier';
import { vectorsFor } from './vectors';
import { chooseThreshold, crossValidate, foldsFor, type Calibration } from './calibration';
import { cachedCalibration, cachedClassifier, contentHash, defaultCacheDir } from './model-cache';
import { findFacts, shapeFacts, type Facts } from './extract';
import { todayIn } from '../../time/dates';
import { capText, MAX_UNDERSTOOD_CHARS } from '../../text/cap';

/** Dialogflow's console default for the ML classification threshold (agent.json mlMinConfidence). */
export const DEFAULT_ML_MIN_CONFIDENCE = 0.3;
const TEXT_TYPES = new Set(['0', 'message', 'text']);
const PAYLOAD_TYPES = new Set(['4', 'custom_payload', 'payload']);
/**
 * Messages that touch every extractor (dates in several forms, counts, an email, a booking code) and non-ASCII text
 * (its first Unicode normalisation loads ICU data: ~15 ms).
 */
const WARM_UP = [
  'book a double room from march 3rd to the 5th for 2 adults',
  'from 16th june to the 19th june for 3 nights. two rooms for two adults, one child and a baby, jane@example.com',
  'next friday for a week, it’s for José, my code is X8Q1W5A2',
];

export class LocalNluEngine implements NluEngine {
  readonly name = 'local' as const;
  private readonly classifier: IntentClassifier;
  private readonly byName = new Map<string, Intent>();
  private readonly fallback: Intent | undefined;
  private readonly entities;
  /** The agent language this engine's model is trained on (one engine per language: see multilingual.ts). */
  readonly language: string;
  /** How the threshold was calibrated from the agent's phrases. */
  readonly calibration: Calibration;
  /** agent.json's mlMinConfidence: under it the fallback intent is returned, as Dialogflow does. */
  readonly floor: number;
  /** The confidence at or above which the bot acts (the calibrated threshold, at least the floor). */
  readonly threshold: number;

  constructor(
    private readonly agent: Agent,
    opts: {
      language?: string;
      warmUp?: string[];
      /** Where trained models and calibrations are kept (model-cache.ts); false: nowhere. */
      cacheDir?: string | false;
      /** false: n-grams only, even where the project ships word vectors (for comparisons). */
      vectors?: false;
    } = {},
  ) {
    const defaultLang = agent.settings.language || 'en';
    const lang = (this.language = opts.language ?? defaultLang);
    const data: Array<{ text: string; label: string }> = [];
    for (const intent of agent.intents) {
      this.byName.set(intent.name, intent);
      // Like Dialogflow, an intent with no phrases in this language does not match in it (the default language
      // still reads a lone file of another language, as agents exported without `lang` have).
      for (const p of intent.phrases[lang] ?? (lang === defaultLang ? Object.values(intent.phrases)[0] : undefined) ?? []) {
        const text = phraseText(p).trim();
        if (text) data.push({ text, label: intent.name });
      }
    }
    this.fallback = agent.intents.find((i) => i.fallbackIntent) ?? this.byName.get(FALLBACK_INTENT);
    if (!data.length) throw new Error(`The agent has no training phrases in "${lang}": add <Intent>_usersays_${lang}.json files`);
    // Languages with a shipped word-vector table (vectors/) add sentence vectors to the n-grams.
    const vectors = opts.vectors === false ? undefined : vectorsFor(lang);
    const trainOpts = { vectors, vectorsInSimilarity: false };
    // The model and its threshold, calibrated from the agent's own phrases (calibration.ts), cached by content.
    const fallbackLabel = this.fallback?.name;
    const key = contentHash({ data, fallbackLabel, vectors: vectors?.digest ?? null, sim: trainOpts.vectorsInSimilarity });
    const cacheDir = opts.cacheDir ?? defaultCacheDir;
    this.classifier = cachedClassifier(key, () => IntentClassifier.train(data, trainOpts), vectors, cacheDir);
    this.calibration = cachedCalibration(
      key,
      () => chooseThreshold(crossValidate(data, (d) => IntentClassifier.train(d, trainOpts)), fallbackLabel, foldsFor(data.length)),
      cacheDir,
    );
    this.floor = agent.settings.mlMinConfidence ?? DEFAULT_ML_MIN_CONFIDENCE;
    this.threshold = Math.max(this.floor, this.calibration.threshold);
    // The language's entries, then the default language's synonyms of the same values: guests mix in English
    // room words ("una suite", "ein Double").
    this.entities = agent.entities.map((e) => {
      const own = e.entries[lang] ?? [];
      const base = e.entries[defaultLang] ?? Object.values(e.entries)[0] ?? [];
      const values = [...new Set([...own, ...base].map((x) => x.value))];
      return {
        name: e.name,
        entries: values.map((value) => ({
          value,
          synonyms: [...new Set([...own, ...base].filter((x) => x.value === value).flatMap((x) => x.synonyms ?? []))],
        })),
      };
    });
    this.warmUp(opts.warmUp ?? WARM_UP);
  }

  /**
   * Parses a few messages before the first guest's: the first date parse compiles chrono-node's patterns and the
   * first predictions are unoptimised, about 180 ms together on this machine against ~0.2 ms for a warm parse.
   * Costs ~0.3 s of start-up, once per process (measured). The hotel's time zone is the query's, not known here:
   * one zone of each date order warms both of the date parser's pattern sets (see entities/dates.ts).
   */
  private warmUp(texts: string[]): void {
    const languageCode = this.language;
    for (const timeZone of ['Europe/London', 'America/New_York'])
      for (const text of texts) this.detectSync({ text, sessionId: 'warm-up', languageCode, timeZone });
  }

  static async fromAgentDir(dir: string): Promise<LocalNluEngine> {
    return new LocalNluEngine(await loadAgent(dir));
  }

  ready(): boolean {
    return true;
  }

  async close(): Promise<void> {}

  async detect(q: NluQuery): Promise<NluResult> {
    return this.detectSync(q);
  }

  detectSync(query: NluQuery): NluResult {
    // A bounded head of the message: a 150,000-character one must not hold the event loop (see text/cap.ts).
    const capped = query.text && query.text.length > MAX_UNDERSTOOD_CHARS ? { ...query, text: capText(query.text, MAX_UNDERSTOOD_CHARS) } : query;
    // "dbl 2ppl 3 nts": shorthand read as its words, for the classifier and the extraction alike.
    const q = capped.text ? { ...capped, text: expandShorthand(capped.text, this.language) } : capped;
    const active = new Set((q.contexts ?? []).filter((c) => c.lifespan > 0).map((c) => c.name.toLowerCase()));
    const expecting = [...active].find((c) => c.startsWith('awaiting_'))?.slice('awaiting_'.length);
    const base = {
      referenceDate: q.referenceDate ?? todayIn(q.timeZone),
      timeZone: q.timeZone,
      entities: this.entities,
      expecting,
      language: this.language,
    };
    // The message's facts are read once (dates are the costly part) and shaped for whatever needs them.
    let cached: Facts | undefined;
    const facts = () => (cached ??= findFacts(q.text ?? '', { ...base, params: [] }));
    let intent: Intent | undefined;
    let confidence = 1;
    if (q.event) {
      intent = this.agent.intents.find((i) => i.events?.some((e) => e.name.toUpperCase() === q.event!.toUpperCase()));
    } else {
      const usable = (name: string) => {
        const i = this.byName.get(name);
        return !!i && (i.contexts ?? []).every((c) => active.has(c.toLowerCase()));
      };
      const p = this.classifier.predict(q.text ?? '', usable);
      intent = this.byName.get(p.label);
      confidence = p.confidence;
      if (confidence < this.floor) intent = undefined;
      // Slot filling: an answer to the bot's question ("until the 6th", "three of us") belongs to the intent that
      // asked it, as Dialogflow's own slot-filling contexts do, unless the guest clearly started something else.
      const asking = (q.contexts ?? []).find((c) => c.lifespan > 0 && c.name.toLowerCase().startsWith('awaiting_'));
      if (asking && (!intent || intent === this.fallback || confidence < 0.5)) {
        const owner = this.byName.get(String(asking.parameters?.intent ?? 'booking.create'));
        if (owner && Object.keys(facts().found).length > 0) {
          intent = owner;
          confidence = Math.max(confidence, 0.8);
        }
      }
    }
    if (!intent) intent = this.fallback;
    const isFallback = !intent || intent === this.fallback;
    const response = intent?.responses?.[0];
    const params = (response?.parameters ?? []).map((p) => ({ name: p.name, entityType: p.dataType }));
    // Raw values follow the intent's declared parameters, as Dialogflow's do. The normalized ones carry every stay
    // fact found, whatever the intent declares, so "my code is X8Q1W5A2, can I arrive late?" keeps its code.
    const declared = q.text && params.length && !isFallback ? shapeFacts(facts(), { ...base, params }) : undefined;
    const everything = q.text ? shapeFacts(facts(), { ...base, params: [] }) : { normalized: {}, raw: {} };
    const extraction = {
      normalized: { ...everything.normalized, ...(declared?.normalized ?? {}) },
      raw: declared?.raw ?? everything.raw,
    };
    const missingRequired = (response?.parameters ?? []).some(
      (p) => p.required && (extraction.raw[p.name] === undefined || extraction.raw[p.name] === ''),
    );
    return {
      intent: intent?.name ?? FALLBACK_INTENT,
      confidence: Math.round(confidence * 10_000) / 10_000,
      isFallback,
      parameters: extraction.normalized,
      allRequiredParamsPresent: !missingRequired,
      messages: this.messagesOf(intent, this.language),
      action: response?.action || undefined,
      outputContexts: this.outputContexts(intent, q.contexts ?? []),
      engine: 'local',
      languageCode: this.language,
      threshold: this.threshold,
    };
  }

  private messagesOf(intent: Intent | undefined, language: string): FulfillmentMessage[] {
    const all = intent?.responses?.[0]?.messages ?? [];
    const base = language.split('-')[0].toLowerCase();
    const agentLang = this.agent.settings.language || 'en';
    const forLang = (l: string) => all.filter((m) => (m.lang ?? agentLang).toLowerCase().split('-')[0] === l);
    const chosen = forLang(base).length ? forLang(base) : forLang(agentLang);
    const out: FulfillmentMessage[] = [];
    for (const m of chosen as IntentMessage[]) {
      const type = String(m.type);
      if (TEXT_TYPES.has(type)) {
        const speech = Array.isArray(m.speech) ? m.speech : m.speech ? [m.speech] : [];
        if (speech.length) out.push({ type: 'text', text: speech[0] }); // deterministic: the first variant
      } else if (PAYLOAD_TYPES.has(type) && m.payload) {
        out.push({ type: 'payload', payload: m.payload });
      }
    }
    return out;
  }

  private outputContexts(intent: Intent | undefined, incoming: NluContext[]): NluContext[] {
    const response = intent?.responses?.[0];
    const out = new Map<string, NluContext>();
    if (!response?.resetContexts) {
      for (const c of incoming) if (c.lifespan - 1 > 0) out.set(c.name, { ...c, lifespan: c.lifespan - 1 });
    }
    for (const c of response?.affectedContexts ?? [])
      out.set(c.name, { name: c.name, lifespan: c.lifespan ?? 5, parameters: c.parameters });
    return [...out.values()];
  }
}
