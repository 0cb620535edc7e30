/** The real @google-cloud/dialogflow client against a local server speaking Dialogflow's gRPC protocol. */
import { grpc } from 'google-gax';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { clipText, DialogflowNluEngine, sessionIdOf } from '../../src/nlu/dialogflow/engine';
import { jsonToStruct } from '../../src/nlu/dialogflow/struct';
import { createNluEngine } from '../../src/nlu/factory';
import { NluUnavailableError } from '../../src/nlu/port';
import { defaultAgentDir } from '../../src/paths';
import { startFakeDialogflow } from '../support/fake-dialogflow';

const query = { text: 'a double room from 3 to 5 december for 2', sessionId: 'cw-1-42', languageCode: 'es', timeZone: 'Europe/Madrid' };

const bookingTurn = (req: any) => ({
  responseId: 'r-1',
  queryResult: {
    queryText: req.queryInput.text.text,
    languageCode: 'en',
    action: 'booking.create',
    intent: { name: 'projects/p/agent/intents/1', displayName: 'booking.create', isFallback: false },
    intentDetectionConfidence: 0.87,
    allRequiredParamsPresent: false,
    fulfillmentText: 'Under which name?',
    parameters: jsonToStruct({ checkin: '2026-12-03T12:00:00+01:00', checkout: '2026-12-05T12:00:00+01:00', guests: 2, room_type: 'double', email: '' }),
    fulfillmentMessages: [
      { text: { text: ['Under which name?'] } },
      { payload: jsonToStruct({ content: 'Pick one', content_type: 'input_select', content_attributes: { items: [{ title: 'A', value: 'a' }] } }) },
    ],
    outputContexts: [{ name: `${req.session}/contexts/booking_dialog`, lifespanCount: 2, parameters: jsonToStruct({ 'checkin.original': '3 december' }) }],
  },
});

describe('Dialogflow ES adapter', () => {
  let df: Awaited<ReturnType<typeof startFakeDialogflow>>;
  beforeAll(async () => (df = await startFakeDialogflow()));
  afterAll(() => df.close());
  const engine = (over: Record<string, string> = {}) =>
    new DialogflowNluEngine(
      loadConfig({ DIALOGFLOW_PROJECT_ID: 'hotel-p', DIALOGFLOW_API_ENDPOINT: df.endpoint, DIALOGFLOW_TIMEOUT_MS: '800', ...over }, { isTty: false }).nlu.dialogflow!,
      { logger: silentLogger() },
    );

  it('decodes intent, rounded confidence, normalized parameters, texts, payloads and contexts', async () => {
    df.state.answer = bookingTurn;
    const e = engine();
    try {
      const r = await e.detect({ ...query, contexts: [{ name: 'awaiting_guests', lifespan: 1 }] });
      expect(r).toMatchObject({ intent: 'booking.create', confidence: 0.87, isFallback: false, allRequiredParamsPresent: false, engine: 'dialogflow', action: 'booking.create' });
      expect(r.parameters).toEqual({ checkin: '2026-12-03', checkout: '2026-12-05', guests: 2, room_type: 'double' });
      expect(r.messages).toEqual([
        { type: 'text', text: 'Under which name?' },
        { type: 'payload', payload: { content: 'Pick one', content_type: 'input_select', content_attributes: { items: [{ title: 'A', value: 'a' }] } } },
      ]);
      expect(r.outputContexts[0]).toMatchObject({ name: 'booking_dialog', lifespan: 2 });
      const seen = df.requests.at(-1);
      expect(seen.session).toBe('projects/hotel-p/agent/sessions/cw-1-42');
      expect(seen.queryParams.timeZone).toBe('Europe/Madrid');
      expect(seen.queryParams.contexts[0].name).toBe('projects/hotel-p/agent/sessions/cw-1-42/contexts/awaiting_guests');
      expect(seen.queryParams.payload.fields.source.stringValue).toBe('chatwoot');
      expect(seen.queryInput.text.languageCode).toBe('en');
    } finally {
      await e.close();
    }
  });

  it("sends the guest's language when the agent has it, spelled as the agent spells it, else the default", async () => {
    df.state.answer = bookingTurn;
    const e = engine({ DIALOGFLOW_LANGUAGE: 'en', DIALOGFLOW_LANGUAGES: 'es, pt-br,de,fr' });
    try {
      const sent = async (languageCode: string) => {
        await e.detect({ ...query, languageCode });
        return df.requests.at(-1).queryInput.text.languageCode;
      };
      expect(await sent('es-ES')).toBe('es');
      expect(await sent('pt-PT')).toBe('pt-br');
      expect(await sent('de')).toBe('de');
      expect(await sent('fr-CA')).toBe('fr');
      expect(await sent('it-IT')).toBe('en');
      expect(await sent('')).toBe('en');
      df.state.answer = () => ({ queryResult: { languageCode: 'fr', intent: { displayName: 'Default Welcome Intent' } } });
      const welcome = await e.detect({ event: 'WELCOME', sessionId: 'cw-1-43', languageCode: 'fr', timeZone: 'Europe/Paris' });
      expect(welcome.languageCode).toBe('fr');
      expect(df.requests.at(-1).queryInput.event.languageCode).toBe('fr');
    } finally {
      await e.close();
    }
  });

  it("takes the agent folder's languages when DIALOGFLOW_LANGUAGES is unset", async () => {
    df.state.answer = bookingTurn;
    // A long deadline: the embedded engine trains its other languages right after start, on this same thread.
    const config = loadConfig({ DIALOGFLOW_PROJECT_ID: 'hotel-p', DIALOGFLOW_API_ENDPOINT: df.endpoint, DIALOGFLOW_TIMEOUT_MS: '30000' }, { isTty: false });
    const e = await createNluEngine({ ...config.nlu, engine: 'dialogflow' }, { agentDir: defaultAgentDir, logger: silentLogger() });
    try {
      await e.detect({ ...query, languageCode: 'de-AT' });
      expect(df.requests.at(-1).queryInput.text.languageCode).toBe('de');
      expect(e.languages).toEqual(['en', 'es', 'pt', 'de', 'fr']);
    } finally {
      await e.close();
    }
  });

  it('uses regional and environment session paths, clips long input and keeps session ids within 36 characters', async () => {
    df.state.answer = bookingTurn;
    const e = engine({ DIALOGFLOW_LOCATION: 'europe-west1', DIALOGFLOW_ENVIRONMENT: 'prod' });
    try {
      await e.detect({ ...query, text: `${'word '.repeat(80)}end`, sessionId: 'x'.repeat(60) });
      const seen = df.requests.at(-1);
      expect(seen.session).toMatch(/^projects\/hotel-p\/locations\/europe-west1\/agent\/environments\/prod\/users\/-\/sessions\/h-[0-9a-f]{34}$/);
      expect([...seen.queryInput.text.text].length).toBeLessThanOrEqual(256);
    } finally {
      await e.close();
    }
    expect(sessionIdOf('cw-1-42')).toBe('cw-1-42');
    expect(clipText('short')).toBe('short');
  });

  it.each([
    [{ code: grpc.status.RESOURCE_EXHAUSTED, details: 'Quota exceeded' }, 'quota'],
    [{ code: grpc.status.PERMISSION_DENIED, details: 'denied' }, 'auth'],
    [{ code: grpc.status.INVALID_ARGUMENT, details: 'Input text exceeds 256 characters.' }, 'invalid'],
    ['hang' as const, 'timeout'],
  ])('maps %j to NluUnavailableError(%s)', async (answer, reason) => {
    df.state.answer = answer;
    const e = engine();
    try {
      await expect(e.detect(query)).rejects.toMatchObject({ name: 'NluUnavailableError', reason });
    } finally {
      await e.close();
    }
  });

  it('maps a closed port to "unavailable"', async () => {
    const e = new DialogflowNluEngine(loadConfig({ DIALOGFLOW_PROJECT_ID: 'p', DIALOGFLOW_API_ENDPOINT: 'http://127.0.0.1:1', DIALOGFLOW_TIMEOUT_MS: '800' }, { isTty: false }).nlu.dialogflow!, { logger: silentLogger() });
    try {
      await expect(e.detect(query)).rejects.toBeInstanceOf(NluUnavailableError);
    } finally {
      await e.close();
    }
  });

  it('NLU_FALLBACK=local answers with the embedded engine; NLU_FALLBACK=handoff lets the dialogue hand off', async () => {
    df.state.answer = { code: grpc.status.UNAVAILABLE, details: 'down' };
    const base = { DIALOGFLOW_PROJECT_ID: 'p', DIALOGFLOW_API_ENDPOINT: df.endpoint, DIALOGFLOW_TIMEOUT_MS: '800' };
    const local = await createNluEngine(loadConfig({ ...base, NLU_FALLBACK: 'local' }, { isTty: false }).nlu, { agentDir: defaultAgentDir, logger: silentLogger() });
    const handoff = await createNluEngine(loadConfig({ ...base, NLU_FALLBACK: 'handoff' }, { isTty: false }).nlu, { agentDir: defaultAgentDir, logger: silentLogger() });
    try {
      const r = await local.detect({ ...query, text: 'is there parking?' });
      expect(r.engine).toBe('local');
      expect(r.intent).toBe('hotel.amenities');
      await expect(handoff.detect(query)).rejects.toBeInstanceOf(NluUnavailableError);
    } finally {
      await local.close();
      await handoff.close();
    }
  });
});
