import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, { isTty: false });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('configuration', () => {
  it('defaults to sandbox mode with the local engine and the embedded database', () => {
    const c = loadConfig({}, { isTty: false });
    expect(c.sandbox).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.nlu.engine).toBe('local');
    expect(c.nlu.fallback).toBe('local');
    expect(c.nlu.handoffConfidence).toBeUndefined(); // the engine's calibrated threshold decides
    expect(c.database.url).toBeUndefined();
    expect(c.chatwoot.signatureMode).toBe('off');
    expect(c.log.format).toBe('json');
    expect(c.hotelConfigPath).toMatch(/config[\\/]hotel\.yaml$/);
  });

  it('enforces signatures when a secret is set and accepts a rotation list', () => {
    const c = loadConfig({ CHATWOOT_WEBHOOK_SECRET: 'old-secret, new-secret' }, { isTty: false });
    expect(c.chatwoot.signatureMode).toBe('enforce');
    expect(c.chatwoot.webhookSecrets).toEqual(['old-secret', 'new-secret']);
  });

  it('picks Dialogflow when a project is configured', () => {
    const c = loadConfig({ DIALOGFLOW_PROJECT_ID: 'hotel-123', DIALOGFLOW_LOCATION: 'europe-west1' }, { isTty: false });
    expect(c.nlu.engine).toBe('dialogflow');
    expect(c.nlu.dialogflow).toMatchObject({ projectId: 'hotel-123', location: 'europe-west1' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ CHATWOOT_BASE_URL: 'chat.hotel.example' }, /CHATWOOT_BASE_URL must be an http\(s\) URL/],
    [{ CHATWOOT_BASE_URL: 'https://chat.hotel.example' }, /CHATWOOT_BOT_TOKEN is required/],
    [{ CHATWOOT_SIGNATURE_MODE: 'enforce' }, /needs CHATWOOT_WEBHOOK_SECRET/],
    [{ CHATWOOT_SIGNATURE_MODE: 'strict' }, /CHATWOOT_SIGNATURE_MODE must be one of enforce \| warn \| off/],
    [{ CHATWOOT_INBOX_IDS: '7,eight' }, /CHATWOOT_INBOX_IDS must be a comma-separated list/],
    [{ NLU_ENGINE: 'dialogflow' }, /needs DIALOGFLOW_PROJECT_ID/],
    [{ NLU_FALLBACK: 'retry' }, /NLU_FALLBACK must be one of local \| handoff/],
    [{ HANDOFF_CONFIDENCE: '1.5' }, /HANDOFF_CONFIDENCE must be a number from 0 to 1/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ WEBHOOK_TOKEN: 'short' }, /WEBHOOK_TOKEN must be at least 16 characters/],
    [{ LOG_FORMAT: 'xml' }, /LOG_FORMAT must be one of json \| pretty/],
    [{ HANDOFF_TEAM_ID: '3,4' }, /HANDOFF_TEAM_ID must be the numeric id of one Chatwoot team/],
    [{ WORKER_CONCURRENCY: '2.5' }, /WORKER_CONCURRENCY must be a whole number from 1 to 1000 \(got "2.5"\)/],
    [{ DIALOGFLOW_LOCATION: 'Europe West' }, /DIALOGFLOW_LOCATION must be "global" or a region/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.join('\n')).toMatch(message);
  });

  describe('a real Chatwoot with no webhook authentication', () => {
    const base = { CHATWOOT_BASE_URL: 'https://chat.hotel.example', CHATWOOT_BOT_TOKEN: 'tok' };

    it('refuses to start, naming both ways to authenticate and the explicit way out', () => {
      const problems = problemsOf(base).join('\n');
      expect(problems).toMatch(/CHATWOOT_WEBHOOK_SECRET/);
      expect(problems).toMatch(/WEBHOOK_TOKEN/);
      expect(problems).toMatch(/CHATWOOT_SIGNATURE_MODE=off/);
    });

    it('starts with CHATWOOT_SIGNATURE_MODE=off set explicitly, with a warning', () => {
      const c = loadConfig({ ...base, CHATWOOT_SIGNATURE_MODE: 'off' }, { isTty: false });
      expect(c.chatwoot.signatureMode).toBe('off');
      expect(c.warnings.join('\n')).toMatch(/not authenticated/);
    });

    it('starts without a warning when a secret or a token authenticates deliveries', () => {
      expect(loadConfig({ ...base, CHATWOOT_WEBHOOK_SECRET: 's3cret' }, { isTty: false }).warnings).toEqual([]);
      expect(loadConfig({ ...base, WEBHOOK_TOKEN: 'a'.repeat(24) }, { isTty: false }).warnings).toEqual([]);
    });
  });

  describe('the sandbox (no CHATWOOT_BASE_URL)', () => {
    const production = { CHATWOOT_BASE_URL: 'https://chat.hotel.example', CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: 's3cret' };

    it('listens on loopback unless HOST says otherwise, and warns when it is exposed', () => {
      expect(loadConfig({}, { isTty: false }).warnings).toEqual([]);
      const exposed = loadConfig({ HOST: '0.0.0.0' }, { isTty: false });
      expect(exposed.host).toBe('0.0.0.0');
      expect(exposed.warnings.join('\n')).toMatch(/sandbox listens on 0\.0\.0\.0 \(HOST\).*demo data only/);
      expect(loadConfig(production, { isTty: false }).host).toBe('0.0.0.0');
    });

    it('keeps its demo data in DATA_DIR/sandbox, apart from the embedded database production uses', () => {
      const sandbox = loadConfig({ DATA_DIR: '/srv/hotelbot' }, { isTty: false });
      const real = loadConfig({ ...production, DATA_DIR: '/srv/hotelbot' }, { isTty: false });
      expect(sandbox.database).toEqual({ url: undefined, dataDir: path.resolve('/srv/hotelbot/sandbox') });
      expect(real.database).toEqual({ url: undefined, dataDir: path.resolve('/srv/hotelbot') });
    });

    it('refuses to start with a DATABASE_URL: that database is never the sandbox\'s', () => {
      const problems = problemsOf({ DATABASE_URL: 'postgres://hotelbot:pw@db:5432/hotelbot' }).join('\n');
      expect(problems).toMatch(/DATABASE_URL is set but CHATWOOT_BASE_URL is not.*unset DATABASE_URL/);
      expect(problems).not.toMatch(/:pw@/);
      expect(loadConfig({ ...production, DATABASE_URL: 'postgres://h@db/h' }, { isTty: false }).database.url).toBe('postgres://h@db/h');
    });
  });

  it('reads HANDOFF_TEAM_ID as one team', () => {
    expect(loadConfig({ HANDOFF_TEAM_ID: '3' }, { isTty: false }).handoffTeamId).toBe(3);
    expect(loadConfig({}, { isTty: false }).handoffTeamId).toBeUndefined();
  });

  it('takes a blank value as unset, so its default applies (compose passes ${X:-})', () => {
    // A blank HANDOFF_CONFIDENCE is unset (the calibrated threshold decides), not 0.
    const c = loadConfig({ HANDOFF_CONFIDENCE: '', PORT: ' ', CHATWOOT_INBOX_IDS: '', LOG_LEVEL: '' }, { isTty: false });
    expect([c.nlu.handoffConfidence, c.port, c.chatwoot.inboxIds, c.log.level]).toEqual([undefined, 3000, undefined, 'info']);
  });

  it('never repeats a secret value in a message', () => {
    const problems = problemsOf({ WEBHOOK_TOKEN: 'short-secret', DATABASE_URL: 'mysql://user:hunter2@db' }).join('\n');
    expect(problems).toMatch(/WEBHOOK_TOKEN/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).not.toMatch(/short-secret|hunter2/);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: '-1', NLU_FALLBACK: 'x', HANDOFF_CONFIDENCE: 'high' })).toHaveLength(3);
  });
});
