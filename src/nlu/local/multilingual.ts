/**
 * An agent in several languages, the Dialogflow way: one model per language of the agent (`language` and
 * `supportedLanguages` in agent.json), each trained on that language's `_usersays_<lang>.json` and answering with
 * that language's messages. The query's `languageCode` picks the model ("es-ES" → es, "pt-PT" → the agent's
 * "pt-br"); a language the agent lacks goes to the default language's model, as Dialogflow falls back to the
 * agent's default language.
 */
import { loadAgent } from '../agent/load';
import type { Agent } from '../agent/types';
import type { NluEngine, NluQuery, NluResult } from '../port';
import { LocalNluEngine } from './engine';

/**
 * Warm-up messages per language (dates, counts, e-mail): the first parse with a language's date parser compiles its
 * patterns. English keeps the engine's own list.
 */
const WARM_UP: Record<string, string[]> = {
  es: ['quiero una habitación doble del 3 al 5 de marzo para 2 adultos', 'el viernes que viene, dos noches, ana@example.com'],
  pt: ['quero um quarto duplo de 3 a 5 de março para 2 adultos', 'na próxima sexta, duas noites, ana@example.com'],
  de: ['ein Doppelzimmer vom 3. bis 5. März für 2 Erwachsene', 'nächsten Freitag, zwei Nächte, ana@example.com'],
  fr: ['une chambre double du 3 au 5 mars pour 2 adultes', 'vendredi prochain, deux nuits, ana@example.com'],
};

/** The agent's languages, the default first, as the agent spells them ("en", "es", "pt-br"). */
export function agentLanguages(agent: Agent): string[] {
  const first = agent.settings.language || 'en';
  return [...new Set([first, ...(agent.settings.supportedLanguages ?? [])].map((l) => l.toLowerCase()))];
}

/** The agent language for a query's code: exact ("pt-br"), then by base ("es-ES" → "es"), else the default. */
export function languageFor(code: string | undefined, languages: readonly string[]): string {
  const wanted = (code ?? '').trim().toLowerCase().replace('_', '-');
  const base = wanted.split('-')[0];
  return languages.find((l) => l === wanted) ?? languages.find((l) => l.split('-')[0] === base) ?? languages[0];
}

export class MultilingualNluEngine implements NluEngine {
  readonly name = 'local' as const;
  private readonly engines = new Map<string, LocalNluEngine>();
  /** Languages with phrases whose model is not trained yet. */
  private readonly untrained = new Set<string>();
  private background: NodeJS.Timeout | undefined;
  /** The agent's languages, the default first. */
  readonly languages: string[];

  /**
   * The default language's model is trained at once; the others right after, one per turn of the event loop (so
   * start-up costs what one language costs), or at their first query if it comes sooner. Training is deterministic:
   * when a model is trained does not change its answers. `background: false` trains them all now.
   */
  constructor(
    private readonly agent: Agent,
    opts: { background?: boolean } = {},
  ) {
    this.languages = agentLanguages(agent);
    const [first, ...others] = this.languages;
    this.engines.set(first, new LocalNluEngine(agent, { language: first }));
    // A language the agent declares but has no phrases for yet is answered by the default language's model.
    for (const language of others) if (agent.intents.some((i) => i.phrases[language]?.length)) this.untrained.add(language);
    if (opts.background === false) for (const language of [...this.untrained]) this.train(language);
    else this.trainNextLater();
  }

  static async fromAgentDir(dir: string, opts: { background?: boolean } = {}): Promise<MultilingualNluEngine> {
    return new MultilingualNluEngine(await loadAgent(dir), opts);
  }

  private train(language: string): LocalNluEngine {
    this.untrained.delete(language);
    const warmUp = WARM_UP[language.split('-')[0]];
    const engine = new LocalNluEngine(this.agent, { language, ...(warmUp ? { warmUp } : {}) });
    this.engines.set(language, engine);
    return engine;
  }

  private trainNextLater(): void {
    const next = this.untrained.values().next();
    if (next.done) return;
    this.background = setTimeout(() => {
      if (this.untrained.has(next.value)) this.train(next.value);
      this.trainNextLater();
    }, 0);
    this.background.unref();
  }

  /** The model that answers a language code. */
  engineFor(code: string | undefined): LocalNluEngine {
    const language = languageFor(code, this.languages);
    if (this.untrained.has(language)) return this.train(language);
    return this.engines.get(language) ?? this.engines.get(this.languages[0])!;
  }

  ready(): boolean {
    return true;
  }

  async close(): Promise<void> {
    clearTimeout(this.background);
    this.untrained.clear();
  }

  async detect(q: NluQuery): Promise<NluResult> {
    return this.engineFor(q.languageCode).detectSync(q);
  }

  detectSync(q: NluQuery): NluResult {
    return this.engineFor(q.languageCode).detectSync(q);
  }
}
