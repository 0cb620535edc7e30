/**
 * Confidence per agent: the threshold is calibrated from the agent's own phrases, agent.json's mlMinConfidence is
 * the floor under which the fallback intent comes back, and decide() uses the result's threshold unless overridden.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Agent, Intent } from '../../src/nlu/agent/types';
import { chooseThreshold, crossValidate, foldsOf, GENERIC_LABEL, type HeldOut } from '../../src/nlu/local/calibration';
import { GENERIC_NEGATIVES } from '../../src/nlu/local/generic-negatives';
import { cachedCalibration } from '../../src/nlu/local/model-cache';
import { IntentClassifier } from '../../src/nlu/local/classifier';
import { LocalNluEngine } from '../../src/nlu/local/engine';
import { decide, FALLBACK_INTENT } from '../../src/nlu/port';

const intent = (name: string, texts: string[], extra: Partial<Intent> = {}): Intent => ({
  name,
  phrases: { en: texts.map((text) => ({ data: [{ text }] })) },
  responses: [{ messages: [{ type: 0, speech: [`(${name})`] }] }],
  ...extra,
});

/** A small third-party agent: a library's opening hours and loans, nothing about hotels. */
function libraryAgent(opts: { mlMinConfidence?: number; negatives?: string[] } = {}): Agent {
  return {
    settings: { language: 'en', ...(opts.mlMinConfidence === undefined ? {} : { mlMinConfidence: opts.mlMinConfidence }) },
    entities: [],
    intents: [
      intent(
        'library.hours',
        [
          'when is the library open',
          'what are your opening hours',
          'are you open on sunday',
          'what time do you close today',
          'opening times of the library',
          'is the library open tomorrow morning',
          'until when are you open tonight',
          'do you open on public holidays',
        ],
      ),
      intent('library.renew', [
        'I want to renew my books',
        'can I extend my loan',
        'renew the book I borrowed',
        'please extend the due date of my books',
        'how do I renew a loan',
        'I need more time with the books I borrowed',
        'renew all my loans',
        'can my loan be extended by a week',
      ]),
      intent('library.fines', [
        'how much is my late fee',
        'do I owe any fines',
        'pay my overdue fine',
        'what is the fine for a late book',
        'I returned a book late, what do I pay',
        'are there penalties for overdue books',
        'check my outstanding fees',
        'how do I pay a library fine',
      ]),
      intent(FALLBACK_INTENT, opts.negatives ?? [], { fallbackIntent: true }),
    ],
  };
}

const query = (text: string) => ({ text, sessionId: 't', languageCode: 'en', timeZone: 'UTC', referenceDate: '2026-12-02' });

describe('calibrated threshold', () => {
  const engine = new LocalNluEngine(libraryAgent(), { warmUp: [], cacheDir: false });

  it.each([
    ['what hours is the library open on saturday', 'library.hours'],
    ['could I renew the books I have out', 'library.renew'],
    ['how much do I owe in late fines', 'library.fines'],
  ])('a phrasing close to an intent acts at default settings: %s', (text, expected) => {
    const r = engine.detectSync(query(text));
    expect(r.intent).toBe(expected);
    expect(decide(r)).toBe('act');
  });

  it.each(['can you show me my hotel bookings', 'what is the weather in paris', 'my bike has a flat tyre'])(
    'an unrelated message falls back at default settings: %s',
    (text) => {
      expect(decide(engine.detectSync(query(text)))).toBe('out_of_scope');
    },
  );

  it('the result carries the threshold it is decided with, between the floor and 1', () => {
    const r = engine.detectSync(query('when do you open'));
    expect(r.threshold).toBe(engine.threshold);
    expect(engine.threshold).toBeGreaterThanOrEqual(0.3);
    expect(engine.threshold).toBeLessThan(1);
  });

  it('negative examples steer the threshold: it rejects most of them and keeps most in-scope phrases', () => {
    const heldOut: HeldOut[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ label: 'a', predicted: 'a', confidence: 0.5 + i / 100 })),
      ...Array.from({ length: 20 }, (_, i) => ({ label: 'neg', predicted: 'a', confidence: 0.2 + i / 100 })),
    ];
    const c = chooseThreshold(heldOut, 'neg');
    // Negatives sit at 0.20..0.39: rejecting 90 % of them needs a cut above 0.37, less the safety margin.
    expect(c.threshold).toBeGreaterThan(0.3);
    expect(c.threshold).toBeLessThan(0.4);
    expect(c.inScopeAccuracy).toBe(1);
    expect(c.negatives).toBe(20);
  });

  it('without negatives the threshold is a low quantile of the held-out in-scope confidences', () => {
    const heldOut: HeldOut[] = Array.from({ length: 100 }, (_, i) => ({ label: 'a', predicted: 'a', confidence: 0.4 + i / 200 }));
    const c = chooseThreshold(heldOut, FALLBACK_INTENT);
    expect(c.threshold).toBeLessThan(0.45);
    expect(c.inScopeAccuracy).toBeGreaterThan(0.9);
  });

  it('cross-validation holds every phrase out once, stratified by label', () => {
    const data = ['a', 'a', 'a', 'b', 'b', 'b'].map((label, i) => ({ label, text: `${label} phrase ${i}` }));
    expect(foldsOf(data, 3)).toEqual([0, 1, 2, 0, 1, 2]);
    const held = crossValidate(data, (d) => IntentClassifier.train(d), 3);
    expect(held.filter((h) => h.label !== GENERIC_LABEL)).toHaveLength(6);
    // Each fold's model is also asked the generic out-of-scope requests.
    expect(held.filter((h) => h.label === GENERIC_LABEL)).toHaveLength(3 * GENERIC_NEGATIVES.length);
  });

  it('the calibration is cached by key: a second start reads it back without calibrating', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-cache-'));
    try {
      let computed = 0;
      const compute = () => (computed++, { threshold: 0.42, folds: 3, inScope: 1, negatives: 0, inScopeAccuracy: 1, outOfScopeRecall: 1 });
      expect(cachedCalibration('k1', compute, dir).threshold).toBe(0.42);
      expect(cachedCalibration('k1', compute, dir).threshold).toBe(0.42);
      expect(computed).toBe(1);
      cachedCalibration('k2', compute, dir);
      expect(computed).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mlMinConfidence floor (agent.json), as Dialogflow', () => {
  it('under the floor the fallback intent comes back', () => {
    const strict = new LocalNluEngine(libraryAgent({ mlMinConfidence: 0.95 }), { warmUp: [], cacheDir: false });
    const r = strict.detectSync(query('could I renew the books I have out'));
    expect(r.isFallback).toBe(true);
    expect(r.intent).toBe(FALLBACK_INTENT);
    expect(strict.threshold).toBeGreaterThanOrEqual(0.95);
  });

  it('an agent without mlMinConfidence gets the console default 0.3', () => {
    const engine = new LocalNluEngine(libraryAgent(), { warmUp: [], cacheDir: false });
    expect(engine.floor).toBe(0.3);
    const low = new LocalNluEngine(libraryAgent({ mlMinConfidence: 0.1 }), { warmUp: [], cacheDir: false });
    expect(low.floor).toBe(0.1);
  });
});

describe('decide(result, override?)', () => {
  const r = { intent: 'library.hours', confidence: 0.5, isFallback: false, threshold: 0.6 };

  it('uses the result’s own threshold', () => {
    expect(decide(r)).toBe('out_of_scope');
    expect(decide({ ...r, confidence: 0.6 })).toBe('act');
  });

  it('HANDOFF_CONFIDENCE overrides it either way', () => {
    expect(decide(r, 0.4)).toBe('act');
    expect(decide({ ...r, threshold: 0.2 }, 0.7)).toBe('out_of_scope');
  });

  it('the fallback intent never acts, whatever the threshold', () => {
    expect(decide({ ...r, intent: FALLBACK_INTENT, confidence: 1 }, 0)).toBe('out_of_scope');
    expect(decide({ ...r, isFallback: true, confidence: 1 })).toBe('out_of_scope');
  });

  it('a result without a threshold (Dialogflow: its own threshold already applied) acts unless it is the fallback', () => {
    expect(decide({ intent: 'library.hours', confidence: 0.2, isFallback: false })).toBe('act');
  });
});

describe('the rule on held-out predictions', () => {
  const fallback = 'Default Fallback Intent';
  // 100 right in-scope phrases at 0.30, 0.31 … 1.29 (capped at 1), and the agent's own negatives.
  const inScope: HeldOut[] = Array.from({ length: 100 }, (_, i) => ({ label: 'book', predicted: 'book', confidence: Math.min(1, 0.3 + i / 100) }));
  const negatives = (n: number, confidence: number): HeldOut[] => Array.from({ length: n }, () => ({ label: fallback, predicted: 'book', confidence }));

  it('sits just under the agent\'s own negatives (less the margin) when they score below its right answers', () => {
    const c = chooseThreshold([...inScope, ...negatives(60, 0.25)], fallback);
    expect(c.threshold).toBeCloseTo(0.2, 3);
    expect(c.inScopeAccuracy).toBe(1);
  });

  it('own negatives that sound like the agent\'s requests never push it above 90 % of the right answers', () => {
    const c = chooseThreshold([...inScope, ...negatives(60, 0.8)], fallback);
    expect(c.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(c.threshold).toBeLessThan(0.8);
  });

  it('the generic requests of a small agent are not capped that way', () => {
    const generic: HeldOut[] = Array.from({ length: 60 }, () => ({ label: GENERIC_LABEL, predicted: 'book', confidence: 0.8 }));
    expect(chooseThreshold([...inScope, ...generic], fallback).threshold).toBeGreaterThan(0.75);
  });
});
