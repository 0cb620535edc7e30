/**
 * Builds the configured NLU engine. `local` runs the agent folder in process. `dialogflow` calls Dialogflow ES
 * and, by NLU_FALLBACK, answers with the local engine (`local`) or lets the dialogue hand off (`handoff`) when
 * Dialogflow fails.
 */
import type { Logger } from '../logging/logger';
import type { DialogflowOptions } from './dialogflow/engine';
import { MultilingualNluEngine } from './local/multilingual';
import { NluUnavailableError, type NluEngine, type NluQuery, type NluResult } from './port';

/** Which engine, and what to do when Dialogflow fails (built from NLU_ENGINE, NLU_FALLBACK, DIALOGFLOW_* in the wiring). */
export interface NluOptions {
  engine: 'local' | 'dialogflow';
  fallback: 'local' | 'handoff';
  dialogflow?: DialogflowOptions;
}

export async function createNluEngine(nlu: NluOptions, opts: { agentDir: string; logger: Logger }): Promise<NluEngine> {
  const local = await MultilingualNluEngine.fromAgentDir(opts.agentDir);
  if (nlu.engine === 'local' || !nlu.dialogflow) return local;
  // Loaded only when configured: the Google client costs ~0.4 s and ~130 MB that the embedded engine never needs.
  const { DialogflowNluEngine } = await import('./dialogflow/engine');
  // The agent's languages: DIALOGFLOW_LANGUAGES, else those of the agent folder pushed to it (intents push).
  const supportedLanguages = nlu.dialogflow.supportedLanguages ?? local.languages;
  const remote = new DialogflowNluEngine({ ...nlu.dialogflow, supportedLanguages }, { logger: opts.logger });
  return new FallbackNluEngine(remote, local, nlu.fallback, opts.logger);
}

/** Dialogflow first; on failure the local engine or a handoff, by policy. Logs once per outage, not per message. */
export class FallbackNluEngine implements NluEngine {
  readonly name = 'dialogflow' as const;
  private outage = false;

  get languages(): readonly string[] | undefined {
    return this.primary.languages ?? this.local.languages;
  }

  constructor(
    private readonly primary: NluEngine,
    private readonly local: NluEngine,
    private readonly policy: 'local' | 'handoff',
    private readonly logger: Logger,
  ) {}

  ready(): boolean {
    return this.primary.ready();
  }

  async detect(q: NluQuery): Promise<NluResult> {
    try {
      const r = await this.primary.detect(q);
      if (this.outage) this.logger.info('Dialogflow answers again');
      this.outage = false;
      return r;
    } catch (err) {
      const e = err instanceof NluUnavailableError ? err : new NluUnavailableError((err as Error).message, 'other');
      if (!this.outage) this.logger.warn(`Dialogflow failed (${e.reason}: ${e.message}); NLU_FALLBACK=${this.policy}`);
      this.outage = true;
      if (this.policy === 'handoff') throw e;
      return this.local.detect(q);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.primary.close(), this.local.close()]);
  }
}
