/**
 * Measures extraction on a slot-annotated JSONL file (the `nlu eval` format): for each of checkin, checkout,
 * nights, guests and rooms, the share of lines annotating that slot where the extractor gives exactly that value.
 * Lines carrying `context` (the bot's question) are read with the parameter that question asks for.
 */
import { readFileSync } from 'node:fs';
import { extractParameters } from '../../../src/nlu/local/extract';
import { expectingFromQuestion } from '../../../src/nlu/local/entities/expecting';

export const SLOTS = ['checkin', 'checkout', 'nights', 'guests', 'rooms'] as const;

export interface SlotReport {
  perSlot: Record<string, { right: number; total: number }>;
  overall: { right: number; total: number };
  /** Dates, nights and guests together (the brief's target). */
  core: { right: number; total: number };
  misses: Array<{ text: string; slot: string; expected: unknown; got: unknown }>;
}

const ENTITIES = [
  {
    name: 'room-type',
    entries: [
      { value: 'single', synonyms: ['single room', 'single'] },
      { value: 'double', synonyms: ['double room', 'double'] },
      { value: 'twin', synonyms: ['twin room', 'twin'] },
      { value: 'suite', synonyms: ['suite'] },
      { value: 'family', synonyms: ['family room'] },
    ],
  },
];

export function measureSlots(path: string, timeZone = 'UTC'): SlotReport {
  const report: SlotReport = { perSlot: {}, overall: { right: 0, total: 0 }, core: { right: 0, total: 0 }, misses: [] };
  for (const s of SLOTS) report.perSlot[s] = { right: 0, total: 0 };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { text: string; slots?: Record<string, unknown>; slots_annotated?: boolean; reference_date?: string; context?: string };
    if (!item.slots_annotated) continue;
    const result = extractParameters(item.text, {
      referenceDate: item.reference_date ?? '2022-03-15',
      timeZone,
      params: [],
      entities: ENTITIES,
      expecting: expectingFromQuestion(item.context),
    });
    for (const slot of SLOTS) {
      const expected = item.slots?.[slot];
      if (expected === undefined) continue;
      const got = (result.normalized as Record<string, unknown>)[slot];
      const ok = got === expected;
      report.perSlot[slot].total++;
      report.overall.total++;
      if (slot !== 'rooms') report.core.total++;
      if (ok) {
        report.perSlot[slot].right++;
        report.overall.right++;
        if (slot !== 'rooms') report.core.right++;
      } else report.misses.push({ text: item.text, slot, expected, got });
    }
  }
  return report;
}

if (require.main === module) {
  const r = measureSlots(process.argv[2] ?? '/work/shared/eval/hotel-dev.jsonl');
  for (const [slot, v] of Object.entries(r.perSlot)) console.log(`${slot.padEnd(9)} ${v.right}/${v.total} ${(100 * v.right / v.total).toFixed(1)}%`);
  console.log(`core (dates, nights, guests) ${r.core.right}/${r.core.total} ${(100 * r.core.right / r.core.total).toFixed(1)}%`);
  console.log(`all ${r.overall.right}/${r.overall.total} ${(100 * r.overall.right / r.overall.total).toFixed(1)}%`);
  if (process.argv.includes('--misses')) for (const m of r.misses) console.log(JSON.stringify(m));
}
