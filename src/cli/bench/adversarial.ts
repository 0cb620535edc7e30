/**
 * Adversarial guest text: how long one 150,000-character message (Chatwoot's limit), built to make patterns
 * backtrack, holds the event loop in the embedded engine's understanding and in log masking. Every one of them once
 * took tens of seconds (issue 14); test/unit/adversarial-text.test.ts checks the same readers finish.
 */
import { maskText } from '../../logging/mask';
import { LocalNluEngine } from '../../nlu/local/engine';
import { findEmail } from '../../nlu/local/entities/contact';
import { defaultAgentDir } from '../../paths';
import { round } from './stats';

const LENGTH = 150_000;
/** The repetitions that made this project's patterns quadratic, and a few of their neighbours. */
const UNITS = ['a', 'a.', '@a.', 'a@a.', '1 ', '+1 ', 'my name is ', 'until on ', '1st ', 'double-'];

export interface AdversarialFigures {
  characters: number;
  /** The slowest repetition for each reader, in milliseconds of blocked event loop. */
  detectMaxMs: number;
  maskMaxMs: number;
  findEmailMaxMs: number;
  slowestUnit: string;
}

function timed(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function measureAdversarial(): Promise<AdversarialFigures> {
  const engine = await LocalNluEngine.fromAgentDir(defaultAgentDir);
  const out: AdversarialFigures = { characters: LENGTH, detectMaxMs: 0, maskMaxMs: 0, findEmailMaxMs: 0, slowestUnit: '' };
  let slowest = 0;
  for (const unit of UNITS) {
    const text = unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
    const detect = timed(() => engine.detectSync({ text, sessionId: 'bench', languageCode: 'en', timeZone: 'Europe/London', referenceDate: '2027-03-10' }));
    const mask = timed(() => maskText(text));
    const email = timed(() => findEmail(text));
    out.detectMaxMs = Math.max(out.detectMaxMs, detect);
    out.maskMaxMs = Math.max(out.maskMaxMs, mask);
    out.findEmailMaxMs = Math.max(out.findEmailMaxMs, email);
    if (detect + mask + email > slowest) {
      slowest = detect + mask + email;
      out.slowestUnit = unit;
    }
  }
  await engine.close();
  return { ...out, detectMaxMs: round(out.detectMaxMs, 1), maskMaxMs: round(out.maskMaxMs, 1), findEmailMaxMs: round(out.findEmailMaxMs, 1) };
}
