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

/**
 * Each variable's schema says what a good value is (`describe`): a problem reads "<VARIABLE> must be <that>".
 * Blank values count as unset (compose files pass `${X:-}`), so defaults apply to them too.
 */
const number = (min: number, max: number, dflt: number, what = `a number from ${min} to ${max}`) =>
  z.coerce.number().min(min).max(max).default(dflt).describe(what);
const whole = (min: number, max: number, dflt: number, what = `a whole number from ${min} to ${max}`) =>
  z.coerce.number().int().min(min).max(max).default(dflt).describe(what);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().trim().toLowerCase().pipe(z.enum(values)).describe(`one of ${values.join(' | ')}`);
const list = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
const idList = list.pipe(z.array(z.coerce.number<string>().int().nonnegative())).describe('a comma-separated list of numeric ids, e.g. "1,7"');
const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/ }))
    .transform((u) => new URL(u).toString().replace(/\/+$/, ''))
    .describe(`an http(s) URL such as ${example}`);

const envSchema = z.object({
  PORT: whole(0, 65535, 3000, 'a whole number from 0 to 65535 (0 picks a free port)'),
  HOST: z.string().trim().optional(),
  CHATWOOT_BASE_URL: httpUrl('https://chat.hotel.example').optional(),
  CHATWOOT_BOT_TOKEN: z.string().optional(),
  CHATWOOT_TIMEOUT_MS: number(500, 60000, 10000),
  CHATWOOT_WEBHOOK_SECRET: list.optional(),
  CHATWOOT_SIGNATURE_MODE: oneOf(['enforce', 'warn', 'off']).optional(),
  WEBHOOK_TOKEN: z.string().min(16).optional().describe('at least 16 characters: generate one with `openssl rand -hex 24`'),
  CHATWOOT_ACCOUNT_IDS: idList.optional(),
  CHATWOOT_INBOX_IDS: idList.optional(),
  NLU_ENGINE: oneOf(['local', 'dialogflow']).optional(),
  DIALOGFLOW_PROJECT_ID: z.string().optional(),
  DIALOGFLOW_LOCATION: z.string().trim().regex(/^[a-z0-9-]+$/).default('global').describe('"global" or a region such as "europe-west1"'),
  DIALOGFLOW_ENVIRONMENT: z.string().optional(),
  DIALOGFLOW_API_ENDPOINT: z
    .string()
    .trim()
    .regex(/^(https?:\/\/)?[A-Za-z0-9.\-[\]:]+(:\d+)?\/?$/)
    .optional()
    .describe('host[:port] (TLS) or http://host:port (a local plain-text server)'),
  DIALOGFLOW_LANGUAGE: z.string().default('en'),
  DIALOGFLOW_LANGUAGES: list.optional(),
  DIALOGFLOW_TIMEOUT_MS: number(100, 60000, 6000),
  GOOGLE_APPLICATION_CREDENTIALS: z.string().optional(),
  NLU_FALLBACK: oneOf(['local', 'handoff']).default('local'),
  /** Unset: each agent's own calibrated threshold decides (nlu/port.ts decide); set: it overrides that. */
  HANDOFF_CONFIDENCE: z.coerce.number().min(0).max(1).optional().describe('a number from 0 to 1'),
  HANDOFF_TEAM_ID: z.coerce.number().int().positive().optional().describe('the numeric id of one Chatwoot team (Settings → Teams), e.g. 3'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional()
    .describe('a PostgreSQL URL such as postgres://user:pass@host:5432/hotelbot'),
  DATA_DIR: z.string().default('./data').transform((d) => path.resolve(d)),
  HOTEL_CONFIG: z.string().transform((f) => path.resolve(f)).default(defaultHotelConfig),
  LOG_LEVEL: oneOf(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).default('info'),
  LOG_FORMAT: oneOf(['json', 'pretty']).optional(),
  CONVERSATION_IDLE_MINUTES: whole(1, 60 * 24 * 365, 24 * 60),
  AGENT_ASSIST: oneOf(['on', 'off']).default('on'),
  AGENT_ASSIST_MAX_NOTES: whole(0, 10000, 20),
  WORKER_CONCURRENCY: whole(1, 1000, 16),
});

/** Values that must never be echoed back in an error message. */
const SECRET_VARS = new Set(['CHATWOOT_BOT_TOKEN', 'CHATWOOT_WEBHOOK_SECRET', 'WEBHOOK_TOKEN', 'DATABASE_URL']);

/** The checks that involve more than one variable; each problem names the variable to set and says how. */
function crossChecks(e: z.output<typeof envSchema>, ctx: z.RefinementCtx): void {
  const problem = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
  const secrets = e.CHATWOOT_WEBHOOK_SECRET ?? [];
  const signatureMode = e.CHATWOOT_SIGNATURE_MODE ?? (secrets.length ? 'enforce' : 'off');
  if (signatureMode !== 'off' && secrets.length === 0) {
    problem(
      'CHATWOOT_WEBHOOK_SECRET',
      `CHATWOOT_SIGNATURE_MODE=${signatureMode} needs CHATWOOT_WEBHOOK_SECRET: copy the agent bot's secret from Chatwoot (bot settings, or GET /api/v1/accounts/{a}/agent_bots/{id} as an admin)`,
    );
  }
  if (e.CHATWOOT_BASE_URL && !e.CHATWOOT_BOT_TOKEN) {
    problem(
      'CHATWOOT_BOT_TOKEN',
      "CHATWOOT_BOT_TOKEN is required when CHATWOOT_BASE_URL is set: use the agent bot's access_token (printed by `npm run chatwoot -- provision`)",
    );
  }
  // Unauthenticated deliveries would let anyone post as any guest: only an explicit choice turns checking off.
  if (e.CHATWOOT_BASE_URL && signatureMode === 'off' && !e.WEBHOOK_TOKEN && e.CHATWOOT_SIGNATURE_MODE !== 'off') {
    problem(
      'CHATWOOT_WEBHOOK_SECRET',
      "Webhook deliveries would not be authenticated: set CHATWOOT_WEBHOOK_SECRET (the agent bot's secret, Chatwoot 4.13+) or WEBHOOK_TOKEN (older Chatwoot: a random token added as ?token=… to the bot's outgoing URL); to run without authentication anyway, set CHATWOOT_SIGNATURE_MODE=off explicitly",
    );
  }
  // The sandbox lets whoever opens it chat as any guest, "verified" included: it must never see real bookings.
  if (e.DATABASE_URL && !e.CHATWOOT_BASE_URL) {
    problem(
      'DATABASE_URL',
      'DATABASE_URL is set but CHATWOOT_BASE_URL is not: without CHATWOOT_BASE_URL the service runs the sandbox, which never uses a configured database. Set CHATWOOT_BASE_URL (and CHATWOOT_BOT_TOKEN) for production, or unset DATABASE_URL to try the sandbox on its own demo data (DATA_DIR/sandbox)',
    );
  }
  if ((e.NLU_ENGINE ?? (e.DIALOGFLOW_PROJECT_ID ? 'dialogflow' : 'local')) === 'dialogflow' && !e.DIALOGFLOW_PROJECT_ID) {
    problem('DIALOGFLOW_PROJECT_ID', 'NLU_ENGINE=dialogflow needs DIALOGFLOW_PROJECT_ID: the Google Cloud project id of the Dialogflow ES agent');
  }
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The service's settings, shaped for the wiring (server.ts), which hands each adapter its own slice. */
function toConfig(e: z.output<typeof envSchema>, isTty: boolean) {
  const webhookSecrets = e.CHATWOOT_WEBHOOK_SECRET ?? [];
  const signatureMode = e.CHATWOOT_SIGNATURE_MODE ?? (webhookSecrets.length ? 'enforce' : 'off');
  const warnings: string[] = [];
  if (e.CHATWOOT_BASE_URL && signatureMode === 'off' && !e.WEBHOOK_TOKEN) {
    warnings.push(
      'Webhook deliveries are not authenticated (CHATWOOT_SIGNATURE_MODE=off): anyone who can reach the webhook can write as any guest. Set CHATWOOT_WEBHOOK_SECRET (Chatwoot 4.13+) or WEBHOOK_TOKEN (older Chatwoot, add ?token=… to the outgoing URL)',
    );
  }
  const sandbox = !e.CHATWOOT_BASE_URL;
  // Sandbox mode listens on loopback unless HOST says otherwise (a container publishing it, say).
  const host = e.HOST ?? (sandbox ? '127.0.0.1' : '0.0.0.0');
  if (sandbox && !isLoopback(host)) {
    warnings.push(
      `The sandbox listens on ${host} (HOST): anyone who reaches it can chat as any guest, "verified" included. It holds demo data only (DATA_DIR/sandbox); unset HOST to keep it on this machine`,
    );
  }
  if (signatureMode === 'warn') warnings.push('CHATWOOT_SIGNATURE_MODE=warn: deliveries with a bad signature are accepted and only logged');
  return {
    port: e.PORT,
    host,
    /** Sandbox mode: no real Chatwoot; the process also plays Chatwoot for the chat page. */
    sandbox,
    chatwoot: {
      baseUrl: e.CHATWOOT_BASE_URL,
      botToken: e.CHATWOOT_BOT_TOKEN,
      webhookSecrets,
      /** Per-call deadline for Chatwoot's API. */
      timeoutMs: e.CHATWOOT_TIMEOUT_MS,
      signatureMode,
      webhookToken: e.WEBHOOK_TOKEN,
      accountIds: e.CHATWOOT_ACCOUNT_IDS,
      inboxIds: e.CHATWOOT_INBOX_IDS,
    },
    nlu: {
      engine: e.NLU_ENGINE ?? (e.DIALOGFLOW_PROJECT_ID ? 'dialogflow' : 'local'),
      fallback: e.NLU_FALLBACK,
      handoffConfidence: e.HANDOFF_CONFIDENCE,
      dialogflow: e.DIALOGFLOW_PROJECT_ID
        ? {
            projectId: e.DIALOGFLOW_PROJECT_ID,
            location: e.DIALOGFLOW_LOCATION,
            environment: e.DIALOGFLOW_ENVIRONMENT,
            apiEndpoint: e.DIALOGFLOW_API_ENDPOINT,
            languageCode: e.DIALOGFLOW_LANGUAGE,
            /** The agent's other languages; unset = the local agent folder's supportedLanguages. */
            supportedLanguages: e.DIALOGFLOW_LANGUAGES,
            timeoutMs: e.DIALOGFLOW_TIMEOUT_MS,
            credentialsFile: e.GOOGLE_APPLICATION_CREDENTIALS,
          }
        : undefined,
    },
    handoffTeamId: e.HANDOFF_TEAM_ID,
    /** The sandbox's demo data lives apart, in DATA_DIR/sandbox: never the database production uses. */
    database: sandbox ? { url: undefined, dataDir: path.join(e.DATA_DIR, 'sandbox') } : { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    hotelConfigPath: e.HOTEL_CONFIG,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (isTty ? 'pretty' : 'json') },
    conversationIdleMinutes: e.CONVERSATION_IDLE_MINUTES,
    agentAssist: { enabled: e.AGENT_ASSIST === 'on', maxNotesPerConversation: e.AGENT_ASSIST_MAX_NOTES },
    workerConcurrency: e.WORKER_CONCURRENCY,
    warnings,
  };
}

const configSchema = (isTty: boolean) => envSchema.superRefine(crossChecks).transform((e) => toConfig(e, isTty));

export type Config = z.infer<ReturnType<typeof configSchema>>;
export type SignatureMode = Config['chatwoot']['signatureMode'];

/** A variable's `describe` text, wherever it sits under `optional()`, `default()` or a pipe. */
function descriptionOf(schema: z.ZodType | undefined): string | undefined {
  type Wrapper = { description?: string; unwrap?: () => z.ZodType; in?: z.ZodType };
  for (let s = schema as Wrapper | undefined; s; s = s.unwrap?.() ?? s.in) if (s.description) return s.description;
  return undefined;
}

/** "<VARIABLE> must be <what a good value is> (got "<value>")", or the cross-check's own sentence. */
function describeIssue(issue: z.core.$ZodIssue, env: Env): string {
  const variable = String(issue.path[0] ?? '');
  if (issue.code === 'custom') return issue.message;
  const what = descriptionOf((envSchema.shape as Record<string, z.ZodType>)[variable]) ?? issue.message;
  const got = SECRET_VARS.has(variable) ? '' : ` (got "${env[variable]}")`;
  return `${variable} must be ${what}${got}`;
}

export function loadConfig(env: Env = process.env, opts: { isTty?: boolean } = {}): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = configSchema(opts.isTty ?? Boolean(process.stdout.isTTY)).safeParse(set);
  if (!parsed.success) {
    // One line per variable: a value that fails two checks (not a number, and so not in range) is one problem.
    const byVariable = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const key = issue.code === 'custom' ? issue.message : String(issue.path[0]);
      if (!byVariable.has(key)) byVariable.set(key, describeIssue(issue, set));
    }
    throw new ConfigError([...byVariable.values()]);
  }
  return parsed.data;
}

/** Every environment variable the service reads (deployment files are checked against this list). */
export const KNOWN_ENV_VARS: readonly string[] = Object.keys(envSchema.shape);
