/**
 * Every environment variable the service reads, validated in one place (SPEC.md "Configuration").
 * A wrong or missing setting stops the start with a message that names the variable and says how to fix it.
 */
import * as path from 'node:path';
import { defaultHotelConfig } from './paths';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const idList = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const ids = v.split(',').map((s) => s.trim());
      if (ids.some((s) => !/^\d+$/.test(s))) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a comma-separated list of numeric ids, e.g. "1,7"` });
        return z.NEVER;
      }
      return ids.map(Number);
    });

const port = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return 3000;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      ctx.addIssue({ code: 'custom', message: 'PORT must be a whole number from 0 to 65535 (0 picks a free port)' });
      return z.NEVER;
    }
    return n;
  });

const number = <D extends number | undefined>(name: string, dflt: D, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const oneOf = <T extends string>(name: string, values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const s = v.trim().toLowerCase() as T;
      if (!values.includes(s)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(' | ')} (got "${v}")` });
        return z.NEVER;
      }
      return s;
    });

const url = (name: string, example: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      try {
        const u = new URL(v.trim());
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
        return u.toString().replace(/\/+$/, '');
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be an http(s) URL such as ${example} (got "${v}")` });
        return z.NEVER;
      }
    });

const schema = z.object({
  PORT: port,
  HOST: z.string().optional().default('0.0.0.0'),
  CHATWOOT_BASE_URL: url('CHATWOOT_BASE_URL', 'https://chat.hotel.example'),
  CHATWOOT_BOT_TOKEN: z.string().optional(),
  CHATWOOT_TIMEOUT_MS: number('CHATWOOT_TIMEOUT_MS', 10000, 500, 60000),
  CHATWOOT_WEBHOOK_SECRET: z.string().optional(),
  CHATWOOT_SIGNATURE_MODE: oneOf('CHATWOOT_SIGNATURE_MODE', ['enforce', 'warn', 'off'] as const),
  WEBHOOK_TOKEN: z.string().optional(),
  CHATWOOT_ACCOUNT_IDS: idList('CHATWOOT_ACCOUNT_IDS'),
  CHATWOOT_INBOX_IDS: idList('CHATWOOT_INBOX_IDS'),
  NLU_ENGINE: oneOf('NLU_ENGINE', ['local', 'dialogflow'] as const),
  DIALOGFLOW_PROJECT_ID: z.string().optional(),
  DIALOGFLOW_LOCATION: z.string().optional(),
  DIALOGFLOW_ENVIRONMENT: z.string().optional(),
  DIALOGFLOW_API_ENDPOINT: z.string().optional(),
  DIALOGFLOW_LANGUAGE: z.string().optional(),
  DIALOGFLOW_LANGUAGES: z.string().optional(),
  DIALOGFLOW_TIMEOUT_MS: number('DIALOGFLOW_TIMEOUT_MS', 6000, 100, 60000),
  GOOGLE_APPLICATION_CREDENTIALS: z.string().optional(),
  NLU_FALLBACK: oneOf('NLU_FALLBACK', ['local', 'handoff'] as const),
  // Unset: the embedded engine's threshold calibrated per agent, or Dialogflow's own classification threshold.
  HANDOFF_CONFIDENCE: number('HANDOFF_CONFIDENCE', undefined, 0, 1),
  HANDOFF_TEAM_ID: idList('HANDOFF_TEAM_ID'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().optional(),
  HOTEL_CONFIG: z.string().optional(),
  LOG_LEVEL: oneOf('LOG_LEVEL', ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const),
  LOG_FORMAT: oneOf('LOG_FORMAT', ['json', 'pretty'] as const),
  CONVERSATION_IDLE_MINUTES: number('CONVERSATION_IDLE_MINUTES', 24 * 60, 1, 60 * 24 * 365),
  AGENT_ASSIST: oneOf('AGENT_ASSIST', ['on', 'off'] as const),
  AGENT_ASSIST_MAX_NOTES: number('AGENT_ASSIST_MAX_NOTES', 20, 0, 10000),
  WORKER_CONCURRENCY: number('WORKER_CONCURRENCY', 16, 1, 1000),
  SANDBOX_PUBLIC_URL: url('SANDBOX_PUBLIC_URL', 'http://localhost:3000'),
});

export type SignatureMode = 'enforce' | 'warn' | 'off';

export interface Config {
  port: number;
  host: string;
  /** Sandbox mode: no real Chatwoot; the process also plays Chatwoot for the chat page. */
  sandbox: boolean;
  chatwoot: {
    baseUrl?: string;
    botToken?: string;
    webhookSecrets: string[];
    /** Per-call deadline for Chatwoot's API; a call that times out is retried (the echo check prevents doubles). */
    timeoutMs: number;
    signatureMode: SignatureMode;
    webhookToken?: string;
    accountIds?: number[];
    inboxIds?: number[];
  };
  nlu: {
    engine: 'local' | 'dialogflow';
    fallback: 'local' | 'handoff';
    /** HANDOFF_CONFIDENCE: overrides the engine's own threshold (see nlu/port.ts decide). */
    handoffConfidence?: number;
    dialogflow?: {
      projectId: string;
      location: string;
      environment?: string;
      apiEndpoint?: string;
      languageCode: string;
      /** The agent's other languages (DIALOGFLOW_LANGUAGES); unset = the local agent folder's supportedLanguages. */
      supportedLanguages?: string[];
      timeoutMs: number;
      credentialsFile?: string;
    };
  };
  handoffTeamId?: number;
  database: { url?: string; dataDir: string };
  hotelConfigPath: string;
  log: { level: string; format: 'json' | 'pretty' };
  conversationIdleMinutes: number;
  agentAssist: { enabled: boolean; maxNotesPerConversation: number };
  workerConcurrency: number;
  warnings: string[];
}


export function loadConfig(env: Env = process.env, opts: { isTty?: boolean } = {}): Config {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issue.message);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const warnings: string[] = [];

  const secrets = (e.CHATWOOT_WEBHOOK_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const signatureMode: SignatureMode = e.CHATWOOT_SIGNATURE_MODE ?? (secrets.length ? 'enforce' : 'off');
  if (signatureMode !== 'off' && secrets.length === 0) {
    problems.push(
      `CHATWOOT_SIGNATURE_MODE=${signatureMode} needs CHATWOOT_WEBHOOK_SECRET: copy the agent bot's secret from Chatwoot (bot settings, or GET /api/v1/accounts/{a}/agent_bots/{id} as an admin)`,
    );
  }
  if (e.CHATWOOT_BASE_URL && !e.CHATWOOT_BOT_TOKEN) {
    problems.push(
      "CHATWOOT_BOT_TOKEN is required when CHATWOOT_BASE_URL is set: use the agent bot's access_token (printed by `npm run chatwoot -- provision`)",
    );
  }
  // Unauthenticated deliveries would let anyone post as any guest: only an explicit choice turns checking off.
  if (e.CHATWOOT_BASE_URL && signatureMode === 'off' && !e.WEBHOOK_TOKEN) {
    if (e.CHATWOOT_SIGNATURE_MODE === 'off') {
      warnings.push(
        'Webhook deliveries are not authenticated (CHATWOOT_SIGNATURE_MODE=off): anyone who can reach the webhook can write as any guest. Set CHATWOOT_WEBHOOK_SECRET (Chatwoot 4.13+) or WEBHOOK_TOKEN (older Chatwoot, add ?token=… to the outgoing URL)',
      );
    } else {
      problems.push(
        'Webhook deliveries would not be authenticated: set CHATWOOT_WEBHOOK_SECRET (the agent bot\'s secret, Chatwoot 4.13+) or WEBHOOK_TOKEN (older Chatwoot: a random token added as ?token=… to the bot\'s outgoing URL); to run without authentication anyway, set CHATWOOT_SIGNATURE_MODE=off explicitly',
      );
    }
  }
  if (e.WEBHOOK_TOKEN !== undefined && e.WEBHOOK_TOKEN.length < 16) {
    problems.push('WEBHOOK_TOKEN must be at least 16 characters: generate one with `openssl rand -hex 24`');
  }

  const engine = e.NLU_ENGINE ?? (e.DIALOGFLOW_PROJECT_ID ? 'dialogflow' : 'local');
  if (engine === 'dialogflow' && !e.DIALOGFLOW_PROJECT_ID) {
    problems.push('NLU_ENGINE=dialogflow needs DIALOGFLOW_PROJECT_ID: the Google Cloud project id of the Dialogflow ES agent');
  }
  const location = (e.DIALOGFLOW_LOCATION ?? 'global').trim() || 'global';
  if (!/^[a-z0-9-]+$/.test(location)) {
    problems.push(`DIALOGFLOW_LOCATION must be "global" or a region such as "europe-west1" (got "${location}")`);
  }
  if (e.DIALOGFLOW_API_ENDPOINT && !/^(https?:\/\/)?[A-Za-z0-9.\-[\]:]+(:\d+)?\/?$/.test(e.DIALOGFLOW_API_ENDPOINT.trim())) {
    problems.push(
      `DIALOGFLOW_API_ENDPOINT must be host[:port] (TLS) or http://host:port (a local plain-text server), got "${e.DIALOGFLOW_API_ENDPOINT}"`,
    );
  }
  if (e.DATABASE_URL && !/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) {
    problems.push('DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host:5432/hotelbot');
  }
  if (problems.length) throw new ConfigError(problems);
  if (signatureMode === 'warn') {
    warnings.push('CHATWOOT_SIGNATURE_MODE=warn: deliveries with a bad signature are accepted and only logged');
  }

  const isTty = opts.isTty ?? Boolean(process.stdout.isTTY);
  return {
    port: e.PORT,
    host: e.HOST,
    sandbox: !e.CHATWOOT_BASE_URL,
    chatwoot: {
      baseUrl: e.CHATWOOT_BASE_URL,
      botToken: e.CHATWOOT_BOT_TOKEN,
      webhookSecrets: secrets,
      timeoutMs: e.CHATWOOT_TIMEOUT_MS,
      signatureMode,
      webhookToken: e.WEBHOOK_TOKEN || undefined,
      accountIds: e.CHATWOOT_ACCOUNT_IDS,
      inboxIds: e.CHATWOOT_INBOX_IDS,
    },
    nlu: {
      engine,
      fallback: e.NLU_FALLBACK ?? 'local',
      handoffConfidence: e.HANDOFF_CONFIDENCE,
      dialogflow: e.DIALOGFLOW_PROJECT_ID
        ? {
            projectId: e.DIALOGFLOW_PROJECT_ID,
            location,
            environment: e.DIALOGFLOW_ENVIRONMENT || undefined,
            apiEndpoint: e.DIALOGFLOW_API_ENDPOINT?.trim() || undefined,
            languageCode: e.DIALOGFLOW_LANGUAGE || 'en',
            supportedLanguages: e.DIALOGFLOW_LANGUAGES?.split(',').map((l) => l.trim()).filter(Boolean),
            timeoutMs: e.DIALOGFLOW_TIMEOUT_MS,
            credentialsFile: e.GOOGLE_APPLICATION_CREDENTIALS,
          }
        : undefined,
    },
    handoffTeamId: e.HANDOFF_TEAM_ID?.[0],
    database: { url: e.DATABASE_URL, dataDir: path.resolve(e.DATA_DIR ?? './data') },
    hotelConfigPath: e.HOTEL_CONFIG ? path.resolve(e.HOTEL_CONFIG) : defaultHotelConfig,
    log: { level: e.LOG_LEVEL ?? 'info', format: e.LOG_FORMAT ?? (isTty ? 'pretty' : 'json') },
    conversationIdleMinutes: e.CONVERSATION_IDLE_MINUTES,
    agentAssist: { enabled: (e.AGENT_ASSIST ?? 'on') === 'on', maxNotesPerConversation: e.AGENT_ASSIST_MAX_NOTES },
    workerConcurrency: e.WORKER_CONCURRENCY,
    warnings,
  };
}

/** Every environment variable the service reads (deployment files are checked against this list). */
export const KNOWN_ENV_VARS: readonly string[] = Object.keys(schema.shape);
