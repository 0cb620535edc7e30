import { IntentClassifier, type TrainingExample } from '../../src/nlu/local/classifier';
import { chooseThreshold, crossValidate } from '../../src/nlu/local/calibration';
import { featuresOf } from '../../src/nlu/local/features';
import { vectorsFor } from '../../src/nlu/local/vectors';

const FALLBACK = 'Default Fallback Intent';

const phrases: Record<string, string[]> = {
  'booking.create': [
    'I want to book a room',
    'book a double room for two nights',
    'can I reserve a room for next weekend',
    'I would like to make a reservation',
    'reserve a suite for three nights please',
    'I need a room from friday to sunday',
    'make a booking for two adults',
    'please book me a single room',
  ],
  'booking.cancel': [
    'cancel my booking',
    'I want to cancel my reservation',
    'please cancel the room I booked',
    'I need to cancel my stay',
    'can you cancel reservation X8Q1W5A2',
    'I will not come, cancel it',
    'drop my reservation please',
    'how do I cancel my booking',
  ],
  'hotel.amenities': [
    'do you have a swimming pool',
    'is there free wifi',
    'is breakfast included',
    'do you have parking',
    'is there a gym in the hotel',
    'are pets allowed',
    'do you have a spa',
    'is the pool heated',
  ],
  'smalltalk.thanks': ['thank you', 'thanks a lot', 'many thanks', 'thank you very much', 'great, thanks', 'cheers, thank you'],
  [FALLBACK]: ['what is the capital of france', 'tell me a joke', 'who won the football match', 'what is the meaning of life', 'sing me a song'],
};

const data: TrainingExample[] = Object.entries(phrases).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
/** The threshold the engine would calibrate for this small agent from its own phrases. */
const threshold = chooseThreshold(crossValidate(data, (d) => IntentClassifier.train(d)), FALLBACK).threshold;

describe('IntentClassifier', () => {
  const model = IntentClassifier.train(data);

  it('gives the same answer for the same data: two trainings predict identically', () => {
    const other = IntentClassifier.train(data);
    const probes = ['book a room for tomorrow', 'cancel it', 'is there a pool', 'how tall is mount everest', 'thx', 'zzzz'];
    for (const p of probes) expect(other.predict(p)).toEqual(model.predict(p));
  });

  it('a model read back from its bytes (the start-up cache) predicts exactly as the trained one, vectors included', () => {
    const vectors = vectorsFor('en');
    for (const trained of [model, IntentClassifier.train(data, { vectors })]) {
      const copy = IntentClassifier.deserialize(trained.serialize(), trained === model ? undefined : vectors);
      for (const p of ['book a room for tomorrow', 'cancel it', 'is there a pool', 'how tall is mount everest', 'zzzz']) {
        expect(copy.predict(p)).toEqual(trained.predict(p));
      }
    }
    expect(() => IntentClassifier.deserialize(Buffer.from('nonsense'))).toThrow(/not a serialized intent model/);
    expect(() => IntentClassifier.deserialize(model.serialize().subarray(0, 4000))).toThrow(/truncated/);
  });

  it('a different seed still finds the same intents (the result does not hang on the order)', () => {
    const other = IntentClassifier.train(data, { seed: 7 });
    for (const p of ['I would like to book a double room', 'please cancel my reservation', 'do you have wifi']) {
      expect(other.predict(p).label).toBe(model.predict(p).label);
    }
  });

  it.each([
    ['I would like to book a double room for two nights', 'booking.create'],
    ['could you reserve me a room from friday', 'booking.create'],
    ['please cancel my reservation', 'booking.cancel'],
    ['I need to cancel the booking I made', 'booking.cancel'],
    ['do you have free parking', 'hotel.amenities'],
    ['is there a swimming pool at the hotel', 'hotel.amenities'],
    ['thanks a lot!', 'smalltalk.thanks'],
  ])('a paraphrase of training phrases scores above the threshold: %s', (text, label) => {
    const p = model.predict(text);
    expect(p.label).toBe(label);
    expect(p.confidence).toBeGreaterThanOrEqual(threshold);
  });

  it.each(['how far is the moon from the earth', 'my car makes a strange noise when braking', 'what stocks should I buy', 'qwertz uiop'])(
    'an unseen off-topic sentence scores below the threshold or falls back: %s',
    (text) => {
      const p = model.predict(text);
      expect(p.label === FALLBACK || p.confidence < threshold).toBe(true);
    },
  );

  it('text with no known feature has confidence 0', () => {
    expect(model.predict('').confidence).toBe(0);
    expect(model.predict('!!!').confidence).toBe(0);
  });

  it('confidence, probability and similarity stay within 0..1 and the ranking is sorted', () => {
    for (const t of ['book a room', 'cancel', 'pool', 'hello there', 'thank you so much']) {
      const p = model.predict(t);
      for (const v of [p.confidence, p.probability, p.similarity]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(p.ranking[0].label).toBe(p.label);
      for (let i = 1; i < p.ranking.length; i++) expect(p.ranking[i].probability).toBeLessThanOrEqual(p.ranking[i - 1].probability);
    }
  });

  it('`allowed` restricts the answer to the allowed labels', () => {
    const text = 'I want to cancel my booking';
    expect(model.predict(text).label).toBe('booking.cancel');
    const restricted = model.predict(text, (l) => l !== 'booking.cancel');
    expect(restricted.label).not.toBe('booking.cancel');
    expect(restricted.ranking.map((r) => r.label)).not.toContain('booking.cancel');
    const only = model.predict(text, (l) => l === 'hotel.amenities');
    expect(only.label).toBe('hotel.amenities');
    expect(only.ranking).toHaveLength(1);
    expect(only.probability).toBe(1);
    expect(model.predict(text, () => false).label).toBe('');
  });

  it('the stored model is sparse: fewer weights than labels × features', () => {
    expect(model.labelCount).toBe(5);
    expect(model.weightCount).toBeGreaterThan(0);
    expect(model.weightCount).toBeLessThan(model.labelCount * model.featureCount);
  });
});

describe('features', () => {
  const keys = (text: string) => [...featuresOf(text).keys()].sort();

  it('months, weekdays, ordinals and numbers stand for their class: any date reads like the ones in the training phrases', () => {
    expect(keys('a room from 3 january to the 5th, leaving on friday')).toEqual(keys('a room from 12 august to the 14th, leaving on monday'));
    expect(keys('from jan 3')).toEqual(keys('from sept 30'));
  });

  it('words that are more often not dates stay words', () => {
    expect(keys('may I book a room')).not.toEqual(keys('june I book a room'));
    expect(featuresOf('may I book').has('w:may')).toBe(true);
    expect(featuresOf('the sun terrace').has('w:sun')).toBe(true);
  });
});

