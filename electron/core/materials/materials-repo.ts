import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Caption } from '@shared/domain/caption';
import type { MonthlyMaterial } from '@shared/domain/home-summary';
import type { MaterialKind } from '@shared/domain/value-sets';
import type { Material } from '@shared/ipc/types';
import type { CriterionRef } from '../catalog/criteria-repo';
import { insertBlob, type BlobFacts } from './blobs-repo';

/** The live material holding `sha256` on a criterion — as its file or as its source (a HEIC original) — if any. */
export function materialOn(db: Database.Database, criterionId: number, sha256: string): string | undefined {
  return db
    .prepare(
      'SELECT id FROM materials WHERE criterion_id = ? AND (sha256 = ? OR source_sha256 = ?) AND deleted_at IS NULL',
    )
    .pluck()
    .get(criterionId, sha256, sha256) as string | undefined;
}

/** Codes of the other criteria holding the same file. */
export function criteriaHolding(db: Database.Database, sha256: string, exceptCriterionId: number): string[] {
  return db
    .prepare(
      `SELECT DISTINCT c.code FROM materials m JOIN criteria c ON c.id = m.criterion_id
       WHERE m.sha256 = ? AND m.deleted_at IS NULL AND m.criterion_id <> ? ORDER BY c.position`,
    )
    .pluck()
    .all(sha256, exceptCriterionId) as string[];
}

export interface NewMaterial {
  id: string;
  criterionId: number;
  sha256: string;
  bytes: number;
  kind: MaterialKind;
  title: string;
  caption: Caption | null;
  eventDate: string | null;
  month: string;
  fileName: string;
  createdAt: string;
  facts: BlobFacts;
  /** Text extracted from the file (PDF text layer, DOCX, TXT), for search and the statement rules. */
  text?: string | undefined;
  /** The original a converted material came from (HEIC → JPEG), stored as a blob of its own. */
  source?: { sha256: string; bytes: number; facts: BlobFacts } | undefined;
}

/** Inserts the blob rows (the source's too), their facts (first time only) and the material, in one transaction. */
export function insertMaterial(db: Database.Database, m: NewMaterial): void {
  const put = (sha256: string, bytes: number, f: BlobFacts): void => insertBlob(db, sha256, bytes, m.createdAt, f);
  db.transaction(() => {
    if (m.source) put(m.source.sha256, m.source.bytes, m.source.facts);
    put(m.sha256, m.bytes, m.facts);
    if (m.text !== undefined)
      db.prepare('INSERT OR IGNORE INTO blob_text (sha256, text) VALUES (?, ?)').run(m.sha256, m.text);
    const body =
      (db.prepare('SELECT text FROM blob_text WHERE sha256 = ?').pluck().get(m.sha256) as string | undefined) ?? '';
    db.prepare('INSERT INTO material_search (material_id, title, caption, file_name, body) VALUES (?, ?, ?, ?, ?)').run(
      m.id,
      m.title,
      m.caption?.text ?? '',
      m.fileName,
      body,
    );
    const last = db.prepare('SELECT MAX(position) FROM materials WHERE criterion_id = ?').pluck().get(m.criterionId);
    db.prepare(
      `INSERT INTO materials (id, criterion_id, sha256, kind, title, caption, event_date, month, file_name, source_sha256,
         position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      m.id,
      m.criterionId,
      m.sha256,
      m.kind,
      m.title,
      m.caption ? JSON.stringify(m.caption) : null,
      m.eventDate,
      m.month,
      m.fileName,
      m.source?.sha256 ?? null,
      ((last as number | null) ?? 0) + 1,
      m.createdAt,
    );
  })();
}

const MATERIAL_SELECT = `SELECT m.id, c.code, m.kind, m.title, m.caption, m.event_date, m.month, m.file_name, m.sha256,
    b.bytes, f.facts
  FROM materials m JOIN criteria c ON c.id = m.criterion_id JOIN blobs b ON b.sha256 = m.sha256
  LEFT JOIN blob_facts f ON f.sha256 = m.sha256`;

/** Live materials, of one criterion or all, in criterion then attachment order. */
/** How many live materials each criterion holds per collection month, counted by SQLite (首页's trend). */
export function materialMonthCounts(db: Database.Database): MonthlyMaterial[] {
  return db
    .prepare(
      `SELECT c.code AS criterionCode, m.month AS month, COUNT(*) AS materials
       FROM materials m JOIN criteria c ON c.id = m.criterion_id
       WHERE m.deleted_at IS NULL GROUP BY c.code, m.month`,
    )
    .all() as MonthlyMaterial[];
}

export function listMaterials(db: Database.Database, criterionCode?: string): Material[] {
  return toMaterials(
    db
      .prepare(
        `${MATERIAL_SELECT} WHERE m.deleted_at IS NULL AND (? IS NULL OR c.code = ?) ORDER BY c.position, m.position`,
      )
      .all(criterionCode ?? null, criterionCode ?? null),
  );
}

/** One live material by id. */
export function getMaterial(db: Database.Database, id: string): Material | undefined {
  return toMaterials(db.prepare(`${MATERIAL_SELECT} WHERE m.deleted_at IS NULL AND m.id = ?`).all(id))[0];
}

/**
 * Materials whose title, caption, file name or extracted text contain `query`: FTS5 trigram for 3+ characters,
 * LIKE for shorter queries (二字词 such as 学习 are the common case and the trigram index cannot match them).
 */
export function searchMaterials(db: Database.Database, query: string, limit = 200): Material[] {
  const q = query.trim();
  if (q === '') return [];
  const ids =
    [...q].length >= 3
      ? (db
          .prepare('SELECT material_id FROM material_search WHERE material_search MATCH ? ORDER BY rank LIMIT ?')
          .pluck()
          .all(`"${q.replaceAll('"', '""')}"`, limit) as string[])
      : (db
          .prepare(
            `SELECT material_id FROM material_search
             WHERE title LIKE @q ESCAPE '\\' OR caption LIKE @q ESCAPE '\\' OR file_name LIKE @q ESCAPE '\\'
                OR body LIKE @q ESCAPE '\\' LIMIT @limit`,
          )
          .pluck()
          .all({ q: `%${q.replace(/[%_\\]/gu, (c) => `\\${c}`)}%`, limit }) as string[]);
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `${MATERIAL_SELECT} WHERE m.deleted_at IS NULL AND m.id IN (SELECT value FROM json_each(?)) ORDER BY c.position, m.position`,
    )
    .all(JSON.stringify(ids));
  return toMaterials(rows);
}

function toMaterials(raw: unknown[]): Material[] {
  const rows = raw as {
    id: string;
    code: string;
    kind: MaterialKind;
    title: string;
    caption: string | null;
    event_date: string | null;
    month: string;
    file_name: string;
    sha256: string;
    bytes: number;
    facts: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    criterionCode: r.code,
    kind: r.kind,
    title: r.title,
    caption: r.caption ? (JSON.parse(r.caption) as Caption) : null,
    eventDate: r.event_date,
    month: r.month,
    fileName: r.file_name,
    sha256: r.sha256,
    bytes: r.bytes,
    facts: r.facts ? (JSON.parse(r.facts) as Record<string, unknown>) : {},
  }));
}

export interface MaterialPatch {
  kind?: MaterialKind | undefined;
  title?: string | undefined;
  caption?: Caption | null | undefined;
  eventDate?: string | null | undefined;
  month?: string | undefined;
}

/** Edits a live material and its search row; false when there is no such material. */
export function updateMaterial(db: Database.Database, id: string, p: MaterialPatch): boolean {
  return db.transaction(() => {
    const r = db
      .prepare(
        `UPDATE materials SET kind = coalesce(@kind, kind), title = coalesce(@title, title),
           caption = CASE WHEN @setCaption THEN @caption ELSE caption END,
           event_date = CASE WHEN @setDate THEN @eventDate ELSE event_date END, month = coalesce(@month, month)
         WHERE id = @id AND deleted_at IS NULL`,
      )
      .run({
        id,
        kind: p.kind ?? null,
        title: p.title ?? null,
        setCaption: p.caption !== undefined ? 1 : 0,
        caption: p.caption ? JSON.stringify(p.caption) : null,
        setDate: p.eventDate !== undefined ? 1 : 0,
        eventDate: p.eventDate ?? null,
        month: p.month ?? null,
      });
    if (r.changes === 0) return false;
    db.prepare(
      `UPDATE material_search SET title = (SELECT title FROM materials WHERE id = @id),
         caption = coalesce((SELECT json_extract(caption, '$.text') FROM materials WHERE id = @id), '')
       WHERE material_id = @id`,
    ).run({ id });
    return true;
  })();
}

/** The blob of each live material, by id. */
export function blobsOf(db: Database.Database, ids: string[]): Map<string, string> {
  const rows = db
    .prepare('SELECT id, sha256 FROM materials WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: string; sha256: string }[];
  return new Map(rows.map((r) => [r.id, r.sha256]));
}

/**
 * Moves or copies live materials to another criterion. A material whose file the target already holds is not
 * moved or copied (it would be a duplicate there) and is reported in `skipped`.
 */
export function moveMaterials(
  db: Database.Database,
  ids: string[],
  to: CriterionRef,
  copy: boolean,
  now: Date,
): { done: string[]; skipped: string[] } {
  return db.transaction(() => {
    const done: string[] = [];
    const skipped: string[] = [];
    const get = db.prepare('SELECT * FROM materials WHERE id = ? AND deleted_at IS NULL');
    for (const id of ids) {
      const m = get.get(id) as Record<string, unknown> | undefined;
      if (!m) continue;
      if (m.criterion_id === to.id || materialOn(db, to.id, m.sha256 as string)) {
        skipped.push(id);
        continue;
      }
      const position =
        ((db.prepare('SELECT MAX(position) FROM materials WHERE criterion_id = ?').pluck().get(to.id) as
          number | null) ?? 0) + 1;
      if (copy) {
        const newId = randomUUID();
        db.prepare(
          `INSERT INTO materials (id, criterion_id, sha256, kind, title, caption, event_date, month, file_name, source_sha256,
             position, created_at)
           SELECT ?, ?, sha256, kind, title, caption, event_date, month, file_name, source_sha256, ?, ? FROM materials WHERE id = ?`,
        ).run(newId, to.id, position, now.toISOString(), id);
        db.prepare(
          `INSERT INTO material_search (material_id, title, caption, file_name, body)
           SELECT ?, title, caption, file_name, body FROM material_search WHERE material_id = ?`,
        ).run(newId, id);
        done.push(newId);
      } else {
        db.prepare('UPDATE materials SET criterion_id = ?, position = ? WHERE id = ?').run(to.id, position, id);
        done.push(id);
      }
    }
    return { done, skipped };
  })();
}

/** Puts live materials in the trash (`deleted = true`) or takes them out again (undo); returns the ids changed. */
export function setDeleted(db: Database.Database, ids: string[], deleted: boolean, now: Date): string[] {
  return db.transaction(() => {
    const changed: string[] = [];
    for (const id of ids) {
      if (deleted) {
        if (
          db
            .prepare('UPDATE materials SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
            .run(now.toISOString(), id).changes
        )
          changed.push(id);
        continue;
      }
      const m = db
        .prepare('SELECT criterion_id, sha256 FROM materials WHERE id = ? AND deleted_at IS NOT NULL')
        .get(id) as { criterion_id: number; sha256: string } | undefined;
      // Restoring next to a live twin (the same file added again meanwhile) would make a duplicate: leave it in the trash.
      if (!m || materialOn(db, m.criterion_id, m.sha256)) continue;
      db.prepare('UPDATE materials SET deleted_at = NULL WHERE id = ?').run(id);
      changed.push(id);
    }
    return changed;
  })();
}
