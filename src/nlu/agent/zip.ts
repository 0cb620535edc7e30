/** An agent folder as the zip the Dialogflow console restores (export layout at the root, stable order). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';

export async function zipAgent(dir: string): Promise<Buffer> {
  const zip = new JSZip();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.json')) zip.file(r, fs.readFileSync(path.join(dir, r)), { date: new Date('2020-01-01T00:00:00Z') });
    }
  };
  walk('');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Writes an exported zip into the folder, replacing intents/ and entities/ so deleted ones disappear. */
export async function unzipAgent(zipBuffer: Buffer, dir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(zipBuffer);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const prefix = names.find((n) => n.endsWith('agent.json'))?.replace(/agent\.json$/, '') ?? '';
  if (!names.some((n) => n === `${prefix}agent.json`)) throw new Error('The export has no agent.json: is it a Dialogflow ES agent zip?');
  for (const sub of ['intents', 'entities']) fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
  const written: string[] = [];
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const rel = n.slice(prefix.length);
    if (rel.includes('..')) continue;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), await zip.files[n].async('nodebuffer'));
    written.push(rel);
  }
  return written.sort();
}
