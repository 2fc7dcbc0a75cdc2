import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, type Migration } from '../../electron/core/db/migrate';
import { APPLICATION_ID, openDatabase } from '../../electron/core/db/open';
import { AppError } from '@shared/ipc/errors';
import { tmpDir } from '../helpers/tmp';

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('migrations', () => {
  it('are numbered, ascending and unique', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('bring an empty database to the latest version with our pragmas', () => {
    const db = openDatabase(join(tmpDir(), 'w.db'), { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['settings', 'catalog_versions', 'criteria', 'blobs', 'audit_log']),
    );
    db.close();
  });

  it('0010-init: from 0 creates the foundation tables and the append-only audit log', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    expect(migrate(db, 10)).toEqual({ from: 0, to: 10 });
    db.prepare("INSERT INTO audit_log (at, action, details, prev_hash, hash) VALUES ('t', 'a', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/u);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/u);
    db.close();
  });

  it('0020-materials: from 10 keeps criteria and adds blob facts and materials', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 10);
    db.prepare(
      `INSERT INTO catalog_versions (edition, source_name, sha256, imported_at, node_count, leaf_count) VALUES ('e', 's', 'h', 't', 1, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO criteria (code, catalog_version_id, level, position, title, text, methods, needs_material, requirements,
         responsible_units, mine_auto) VALUES ('1', 1, 1, 1, '甲', '', '[]', 0, '[]', '[]', 1)`,
    ).run();
    expect(migrate(db, 20)).toEqual({ from: 10, to: 20 });
    expect(db.prepare('SELECT title FROM criteria').pluck().get()).toBe('甲');
    expect(tables(db)).toEqual(expect.arrayContaining(['blob_facts', 'materials']));
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare(
          `INSERT INTO materials (id, criterion_id, sha256, kind, title, month, file_name, position, created_at)
                  VALUES ('m', 1, 'nope', 'photo', 't', '2026-01', 'f', 1, 't')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/u);
    db.close();
  });

  it('0030-search and 0040-near-duplicates: from 20 add the text, search and pHash index tables', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 20);
    db.prepare("INSERT INTO blobs (sha256, bytes, created_at) VALUES ('a', 1, 't')").run();
    expect(migrate(db, 40)).toEqual({ from: 20, to: 40 });
    expect(tables(db)).toEqual(
      expect.arrayContaining(['blob_text', 'material_search', 'phash_bands', 'near_duplicates']),
    );
    expect(db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(1);
    expect(() => db.prepare("INSERT INTO near_duplicates (a, b, distance) VALUES ('b', 'a', 1)").run()).toThrow(
      /CHECK/u,
    );
    db.close();
  });

  it('0050-material-versions: from 40 adds the versions table, tied to materials and blobs', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 40);
    expect(migrate(db, 50)).toEqual({ from: 40, to: 50 });
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare("INSERT INTO material_versions (material_id, sha256, replaced_at, reason) VALUES ('x', 'y', 't', 'r')")
        .run(),
    ).toThrow(/FOREIGN KEY/u);
    db.close();
  });

  it('0060-checker: from 50 keeps materials and adds profiles, declarations and reference files', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 50);
    db.prepare("INSERT INTO blobs (sha256, bytes, created_at) VALUES ('a', 1, 't')").run();
    expect(migrate(db, 60)).toEqual({ from: 50, to: 60 });
    expect(db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['rule_profiles', 'declarations', 'reference_files']));
    db.pragma('foreign_keys = ON');
    expect(() =>
      db.prepare("INSERT INTO declarations (criterion_id, statement, declared_at) VALUES (99, 's', 't')").run(),
    ).toThrow(/FOREIGN KEY/u);
    expect(() =>
      db
        .prepare("INSERT INTO rule_profiles (profile, sha256, origin, created_at) VALUES ('{}', 'h', 'nobody', 't')")
        .run(),
    ).toThrow(/CHECK/u);
    const ref = db.prepare(
      "INSERT INTO reference_files (sha256, year, file_name, source, imported_at) VALUES ('a', 2025, 'f', 's', 't')",
    );
    ref.run();
    expect(() => ref.run()).toThrow(/UNIQUE/u);
    db.close();
  });

  it('0070-unit-id: from 60 gives an existing workspace a unit id, and leaves a database without settings alone', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 60);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('year', '2026')`).run();
    expect(migrate(db, 70)).toEqual({ from: 60, to: 70 });
    expect(JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'unitId'").pluck().get() as string)).toMatch(
      /^[0-9a-f]{32}$/u,
    );
    const fresh = new Database(join(tmpDir(), 'f.db'));
    migrate(fresh, 70);
    expect(fresh.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(0);
    db.close();
    fresh.close();
  });

  it('0080-requirement-kinds: from 70 adds the officer’s phrase kinds, one per criterion and phrase', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 70);
    expect(migrate(db, 80)).toEqual({ from: 70, to: 80 });
    const put = db.prepare(
      "INSERT INTO requirement_kinds (criterion_code, phrase, kind, set_at) VALUES ('1.1.1', '学习心得', 'document', 't')",
    );
    put.run();
    expect(() => put.run()).toThrow(/UNIQUE|PRIMARY/u);
    db.close();
  });

  it('0090-signoff: from 80 adds signers and append-only reviews that name a known signer', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    migrate(db, 80);
    expect(migrate(db, 90)).toEqual({ from: 80, to: 90 });
    db.pragma('foreign_keys = ON');
    db.prepare(
      "INSERT INTO signers (fingerprint, name, level, public_key, sealed_key, created_at) VALUES ('f1', '张三', 'leader', 'k', '{}', 't')",
    ).run();
    const review = (fingerprint: string) =>
      db
        .prepare(
          `INSERT INTO reviews (criterion_code, level, decision, comment, signer, fingerprint, at, content_sha256, content,
           signature, recorded_at) VALUES ('1.1.1', 'leader', 'approve', '', '张三', ?, 't', 'h', '{}', 's', 't')`,
        )
        .run(fingerprint);
    review('f1');
    expect(() => review('unknown')).toThrow(/FOREIGN KEY/u);
    expect(() => db.prepare("UPDATE reviews SET decision = 'return'").run()).toThrow(/append-only/u);
    expect(() => db.prepare('DELETE FROM reviews').run()).toThrow(/append-only/u);
    expect(() =>
      db
        .prepare(
          "INSERT INTO signers (fingerprint, name, level, public_key, created_at) VALUES ('f2', 'x', 'boss', 'k', 't')",
        )
        .run(),
    ).toThrow(/CHECK/u);
    db.close();
  });

  it('run all pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const db = new Database(join(tmpDir(), 'w.db'));
    const broken: Migration[] = [
      { version: 10, name: 'ok', up: 'CREATE TABLE a (x)' },
      { version: 20, name: 'bad', up: 'CREATE TABLE b (x); THIS IS NOT SQL' },
    ];
    expect(() => migrate(db, 20, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuse a database from a newer app without touching it', () => {
    const file = join(tmpDir(), 'w.db');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma('user_version = 9999');
    raw.close();
    let err: unknown;
    try {
      openDatabase(file, { create: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('workspace-newer');
    expect((err as AppError).message).toContain('更新版本');
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(9999);
    again.close();
  });

  it('refuse an SQLite file that is not ours', () => {
    const file = join(tmpDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openDatabase(file, { create: false })).toThrow(/不是网报通/u);
  });
});
