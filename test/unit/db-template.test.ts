/**
 * The embedded database's install-time template (issue 15): a first start copies it instead of running initdb and
 * the migrations; a template made for other migrations, or one whose files are damaged, is not used and the
 * database is created as before; a database made from the template behaves exactly like a fresh one. Real PGlite.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Database } from '../../src/db/database';
import { EmbeddedDatabase, POSTGRESQL_CONF } from '../../src/db/embedded';
import { migrate } from '../../src/db/migrate';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock';
import { beginOpening, buildDatabaseTemplate, openDatabase } from '../../src/db/open';
import { findTemplate, templateKey } from '../../src/db/template';
import { migrationsDir, projectRoot } from '../../src/paths';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { bookingRequest, guest, storeNow } from '../support/booking-request';

jest.setTimeout(180_000);

const hotels = loadHotels(path.join(projectRoot, 'config', 'hotel.yaml'));
const now = storeNow;

let scratch: string;
let cacheDir: string;
const dirs: string[] = [];
const newDataDir = () => {
  const d = fs.mkdtempSync(path.join(scratch, 'data-'));
  dirs.push(d);
  return d;
};

/** A copy of the template cache, to damage without touching the one the other tests use. */
function copyOfCache(): { cacheDir: string; data: string } {
  const copy = fs.mkdtempSync(path.join(scratch, 'cache-'));
  fs.cpSync(cacheDir, copy, { recursive: true });
  const key = templateKey(POSTGRESQL_CONF);
  return { cacheDir: copy, data: path.join(copy, key, 'pglite') };
}

function embedded(db: Database): EmbeddedDatabase {
  if (!(db instanceof EmbeddedDatabase)) throw new Error('expected the embedded database');
  return db;
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-db-template-'));
  cacheDir = path.join(scratch, 'templates');
  // A template of some earlier migrations: building the current one removes it.
  fs.mkdirSync(path.join(cacheDir, '0123456789abcdef0123456789abcdef', 'pglite'), { recursive: true });
  expect(await buildDatabaseTemplate({ cacheDir })).toMatchObject({ built: true });
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('building the template', () => {
  it('makes one template, named by the migrations and PGlite, once, and removes templates of other migrations', async () => {
    expect(fs.readdirSync(cacheDir)).toEqual([templateKey(POSTGRESQL_CONF)]);
    expect(findTemplate(templateKey(POSTGRESQL_CONF), cacheDir)).toBeDefined();
    expect(await buildDatabaseTemplate({ cacheDir })).toMatchObject({ built: false });
  });

  it('has a different name for other migrations, so a template made before a migration was added is never found', () => {
    const more = fs.mkdtempSync(path.join(scratch, 'migrations-'));
    fs.cpSync(migrationsDir, more, { recursive: true });
    fs.writeFileSync(path.join(more, '0999_probe.sql'), 'CREATE TABLE probe (v INT);\n');
    expect(templateKey(POSTGRESQL_CONF, more)).not.toBe(templateKey(POSTGRESQL_CONF));
    expect(findTemplate(templateKey(POSTGRESQL_CONF, more), cacheDir)).toBeUndefined();
    // The server settings are part of the name too.
    expect(templateKey('shared_buffers = 16MB\n')).not.toBe(templateKey(POSTGRESQL_CONF));
  });
});

describe('a first start with a template', () => {
  it('copies it instead of creating the database: every migration is there already, and it opens again afterwards', async () => {
    const dataDir = newDataDir();
    const db = embedded(await openDatabase({ dataDir, template: { cacheDir } }));
    try {
      expect(db.origin).toBe('template');
      expect(db.templateRefused).toBeUndefined();
      const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'));
      const applied = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(applied.map((r) => r.name)).toEqual(files.sort());
      expect(await migrate(db)).toEqual([]);
      // Nothing of the copy is left beside the database.
      expect(fs.readdirSync(dataDir).sort()).toEqual(['hotelbot.lock', 'pglite']);
    } finally {
      await db.close();
    }
    const again = embedded(await openDatabase({ dataDir, template: { cacheDir } }));
    expect(again.origin).toBe('existing');
    await again.close();
  });

  it('takes bookings, changes and cancellations exactly as a database created by initdb, with the same tables', async () => {
    /** A short life of a hotel: what the guest is offered and told, without the random confirmation codes. */
    async function story(db: Database) {
      const store = new SqlReservationStore(db, hotels, { now });
      const request = bookingRequest;
      const offers = await store.availability({ hotelId: 'miramar', checkin: '2026-12-18', checkout: '2026-12-22', guests: 2 });
      const booked = await store.create(request({ roomTypeId: 'suite', checkin: '2027-03-01', checkout: '2027-03-03' }));
      const found = await store.find({ hotelId: 'miramar', code: booked.code, email: guest.email });
      const moved = await store.modify({ hotelId: 'miramar', code: booked.code, email: guest.email }, { checkin: '2027-03-10' });
      const cancelled = await store.cancel({ hotelId: 'miramar', code: booked.code, email: guest.email });
      const night = { checkin: '2027-04-01', checkout: '2027-04-02' };
      await store.create(request({ ...night, rooms: 5 }));
      const race = await Promise.allSettled(Array.from({ length: 12 }, () => store.create(request(night))));
      // The code is random and the times are the database's clock: the rest must be the same.
      const strip = <T extends { code: string }>(b: T | null) => (b ? { ...b, code: 'code', createdAt: 'time', updatedAt: 'time' } : b);
      const schema = await db.query(
        `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
          WHERE table_schema = 'public' ORDER BY table_name, column_name`,
      );
      const indexes = await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`);
      return {
        offers,
        booked: strip(booked),
        found: strip(found),
        moved: strip(moved),
        cancelled: strip(cancelled),
        sold: race.filter((r) => r.status === 'fulfilled').length,
        refused: race.filter((r) => r.status === 'rejected').map((r) => (r.reason as { reason: string }).reason),
        schema,
        indexes,
      };
    }
    const fromTemplate = embedded(await openDatabase({ dataDir: newDataDir(), template: { cacheDir } }));
    const fresh = embedded(await openDatabase({ dataDir: newDataDir(), template: false }));
    try {
      expect([fromTemplate.origin, fresh.origin]).toEqual(['template', 'initdb']);
      const a = await story(fromTemplate);
      const b = await story(fresh);
      expect(a).toEqual(b);
      // And what that is: the story ran, it is not two empty results that agree.
      expect(a.booked).toMatchObject({ status: 'confirmed', roomTypeId: 'suite' });
      expect(a.cancelled).toMatchObject({ status: 'cancelled', checkin: '2027-03-10' });
      expect(a.sold).toBe(5);
      expect(a.refused).toEqual(Array(7).fill('sold_out'));
      expect(a.schema.length).toBeGreaterThan(10);
    } finally {
      await fromTemplate.close();
      await fresh.close();
    }
  });
});

describe('what a start does meanwhile (beginOpening)', () => {
  /** The order in which the two promises of an opening settle. */
  async function order(opening: ReturnType<typeof beginOpening>): Promise<string[]> {
    const seen: string[] = [];
    const files = opening.files.then(() => seen.push('files'));
    const database = opening.database.then(
      () => seen.push('open'),
      () => seen.push('failed'),
    );
    await Promise.all([files, database]);
    return seen;
  }

  it('goes on once a first start has copied the template, before PostgreSQL has booted; a later start once it is open', async () => {
    const dataDir = newDataDir();
    const first = beginOpening({ dataDir, template: { cacheDir } });
    expect(await order(first)).toEqual(['files', 'open']);
    await (await first.database).close();
    const later = beginOpening({ dataDir, template: { cacheDir } });
    expect(await order(later)).toEqual(['open', 'files']);
    await (await later.database).close();
  });

  it('goes on when the opening fails, which the database reports', async () => {
    const dataDir = newDataDir();
    const held = lockDataDir(dataDir);
    try {
      const refused = beginOpening({ dataDir, template: { cacheDir } });
      expect(await order(refused)).toEqual(['failed', 'files']);
      await expect(refused.database).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      held.release();
    }
  });
});

describe('a template that must not be used', () => {
  it('is not found when the migrations differ: the database is created with initdb and gets every migration', async () => {
    const more = fs.mkdtempSync(path.join(scratch, 'migrations-'));
    fs.cpSync(migrationsDir, more, { recursive: true });
    fs.writeFileSync(path.join(more, '0999_probe.sql'), 'CREATE TABLE probe (v INT);\n');
    const db = embedded(await openDatabase({ dataDir: newDataDir(), migrationsDir: more, template: { cacheDir } }));
    try {
      expect(db.origin).toBe('initdb');
      expect(db.templateRefused).toBeUndefined();
      expect(await db.query('SELECT count(*)::int AS n FROM probe')).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('is refused when a file is shorter than its manifest says: created as before, nothing of the copy left', async () => {
    const damaged = copyOfCache();
    const victim = path.join(damaged.data, 'global', 'pg_control');
    fs.truncateSync(victim, 100);
    const dataDir = newDataDir();
    const db = embedded(await openDatabase({ dataDir, template: { cacheDir: damaged.cacheDir } }));
    try {
      expect(db.origin).toBe('initdb');
      expect(db.templateRefused).toMatch(/differs from its manifest \(global\/pg_control has 100 bytes/);
      expect((await db.query('SELECT name FROM schema_migrations')).length).toBeGreaterThan(0);
      expect(fs.readdirSync(dataDir).sort()).toEqual(['hotelbot.lock', 'pglite']);
    } finally {
      await db.close();
    }
  });

  it('is refused when PGlite cannot open its copy (a damaged control file of the right size): created as before', async () => {
    const damaged = copyOfCache();
    const victim = path.join(damaged.data, 'global', 'pg_control');
    fs.writeFileSync(victim, Buffer.alloc(fs.statSync(victim).size, 0x5a));
    const db = embedded(await openDatabase({ dataDir: newDataDir(), template: { cacheDir: damaged.cacheDir } }));
    try {
      expect(db.origin).toBe('initdb');
      expect(db.templateRefused).toMatch(/PGlite could not open the template's copy/);
      expect((await db.query('SELECT name FROM schema_migrations')).length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('is not used when told so, nor into a data folder that already holds something', async () => {
    const told = embedded(await openDatabase({ dataDir: newDataDir(), template: false }));
    expect(told.origin).toBe('initdb');
    await told.close();
    // A creation cut short leaves files but no PG_VERSION: initdb finishes the folder, as before.
    const dataDir = newDataDir();
    fs.mkdirSync(path.join(dataDir, 'pglite'));
    fs.writeFileSync(path.join(dataDir, 'pglite', 'postgresql.conf'), '');
    const leftovers = embedded(await openDatabase({ dataDir, template: { cacheDir } }));
    expect(leftovers.origin).toBe('initdb');
    await leftovers.close();
  });
});
