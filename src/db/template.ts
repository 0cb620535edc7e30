/**
 * The embedded database's template: a data directory already created (initdb) and migrated, made once at install
 * (`npm install` runs scripts/build-db-template.js) and copied into DATA_DIR on the first start. Creating a data
 * directory is the slow part of a first start (5 s or more on two busy cores: PGlite's initdb, then the
 * migrations); copying 40 MB of files takes a fraction of that.
 *
 * A template is only a shortcut. It is kept in a folder named after a hash of everything that decides its contents
 * (the PGlite version, the server settings, each migration's name and text), so a template made before a migration
 * was added or PGlite was upgraded is never found, let alone used. Its manifest lists every file with its size: a copy
 * that does not match (a file missing or truncated) is thrown away and the database is created as before. So is one
 * that PGlite will not open (src/db/embedded.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { migrationsDir as defaultMigrationsDir, projectRoot } from '../paths';

/** Where `npm install` leaves the template: inside node_modules, so it goes with the install it was made for. */
export const defaultTemplateCacheDir = path.join(projectRoot, 'node_modules', '.cache', 'hotelbot', 'pglite-template');

/** Bumped when the way a template is made or laid out changes. */
const FORMAT = 'hotelbot-pglite-template-2';
const MANIFEST = 'manifest.json';
const DATA = 'pglite';

export interface TemplateOptions {
  /** The folder holding templates (one sub-folder per key). */
  cacheDir?: string;
  /** The migrations the database must have (the ones `migrate()` applies). */
  migrationsDir?: string;
}

interface Manifest {
  format: string;
  key: string;
  dirs: string[];
  files: [string, number][];
}

export interface Template {
  key: string;
  /** The template's data directory (what DATA_DIR/pglite becomes). */
  dataDir: string;
  manifest: Manifest;
}

function pgliteVersion(): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? 'unknown';
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** The hash that names a template: it changes whenever a template made earlier would differ from a fresh database. */
export function templateKey(postgresqlconf: string, migrationsDir: string = defaultMigrationsDir): string {
  const hash = createHash('sha256').update(`${FORMAT}\0pglite ${pgliteVersion()}\0${postgresqlconf}\0`);
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) hash.update(`${f}\0`).update(fs.readFileSync(path.join(migrationsDir, f))).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** The template for this key, or undefined when there is none (never made, made for other migrations, unreadable). */
export function findTemplate(key: string, cacheDir: string = defaultTemplateCacheDir): Template | undefined {
  const dir = path.join(cacheDir, key);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    if (manifest.format !== FORMAT || manifest.key !== key || !Array.isArray(manifest.files) || !Array.isArray(manifest.dirs)) return undefined;
    return { key, dataDir: path.join(dir, DATA), manifest };
  } catch {
    return undefined;
  }
}

/** Every directory and file under `root`, as relative paths in a fixed order. */
function listTree(root: string): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  const walk = (rel: string) => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const r = rel ? path.join(rel, e.name) : e.name;
      if (e.isDirectory()) {
        dirs.push(r);
        walk(r);
      } else if (e.isFile()) files.push(r);
    }
  };
  walk('');
  return { dirs, files };
}

/** Runs `fn` over `items`, `width` at a time: the file system's thread pool does the work, the event loop stays free. */
async function eachLimited<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await fs.promises.open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Copies the template into `target` (which must not exist yet), checking every file's size against the manifest. The copy
 * is made beside `target`, synced to disk, and renamed into place, so an interrupted copy or a power cut never leaves
 * a half-made database that a later start would take for a real one. Returns why the template was not used, or
 * undefined when `target` now holds the database.
 */
export async function copyTemplate(template: Template, target: string): Promise<string | undefined> {
  const staging = `${target}.from-template`;
  await fs.promises.rm(staging, { recursive: true, force: true });
  try {
    const { manifest } = template;
    await fs.promises.mkdir(staging, { mode: 0o700 });
    for (const d of manifest.dirs) await fs.promises.mkdir(path.join(staging, d), { mode: 0o700 });
    // The kernel copies (or clones, where the file system can); each copy is checked against the manifest and
    // synced to disk before the database is used: the first acknowledged delivery must not rest on files still in
    // memory.
    let mismatch: string | undefined;
    await eachLimited(manifest.files, 8, async ([rel, size]) => {
      const to = path.join(staging, rel);
      await fs.promises.copyFile(path.join(template.dataDir, rel), to, fs.constants.COPYFILE_FICLONE);
      const handle = await fs.promises.open(to, 'r+');
      try {
        const { size: copied } = await handle.stat();
        if (copied !== size) mismatch ??= `${rel} has ${copied} bytes, not ${size}`;
        await handle.chmod(0o600);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    if (mismatch) return cleanUp(staging, `a file of the template differs from its manifest (${mismatch})`);
    for (const d of [...manifest.dirs].reverse()) await fsyncPath(path.join(staging, d));
    await fsyncPath(staging);
    await fs.promises.rename(staging, target);
    await fsyncPath(path.dirname(target)).catch(() => undefined); // some file systems cannot sync a directory
    return undefined;
  } catch (err) {
    return cleanUp(staging, `the template could not be copied (${(err as Error).message})`);
  }
}

async function cleanUp(staging: string, reason: string): Promise<string> {
  await fs.promises.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  return reason;
}

/**
 * Makes the template for the current migrations and PGlite (at install), unless it exists already; removes templates
 * of other keys, which no start will use again. `create` makes and migrates a database in the given DATA_DIR and
 * closes it (the service's own code, so the template is exactly what a first start would have made).
 */
export async function buildTemplate(
  key: string,
  create: (dataDir: string) => Promise<void>,
  cacheDir: string = defaultTemplateCacheDir,
): Promise<{ dir: string; built: boolean }> {
  const dir = path.join(cacheDir, key);
  if (findTemplate(key, cacheDir)) return { dir, built: false };
  fs.mkdirSync(cacheDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(cacheDir, '.building-'));
  try {
    await create(work);
    const data = path.join(work, DATA);
    const tree = listTree(data);
    // Readable by everyone (an empty database holds nothing private): a container image makes it as root and runs
    // the service as another user. Each copy is made private again (copyTemplate).
    fs.chmodSync(data, 0o755);
    for (const d of tree.dirs) fs.chmodSync(path.join(data, d), 0o755);
    for (const f of tree.files) fs.chmodSync(path.join(data, f), 0o644);
    const files: [string, number][] = tree.files.map((rel) => [rel, fs.statSync(path.join(data, rel)).size]);
    const manifest: Manifest = { format: FORMAT, key, dirs: tree.dirs, files };
    const made = path.join(work, 'made');
    fs.mkdirSync(made);
    fs.renameSync(data, path.join(made, DATA));
    fs.writeFileSync(path.join(made, MANIFEST), `${JSON.stringify(manifest)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(made, dir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  for (const other of fs.readdirSync(cacheDir)) {
    if (other !== key && /^[0-9a-f]{32}$/.test(other)) fs.rmSync(path.join(cacheDir, other), { recursive: true, force: true });
  }
  return { dir, built: true };
}
