import type Database from 'better-sqlite3';
import type { Caption } from '@shared/domain/caption';
import type { CheckFacts, CheckMaterial } from '@shared/domain/rules/types';
import type { MaterialKind } from '@shared/domain/value-sets';

/** Every live material as the rules see it, in ledger order (the 体检's input; the ledger's progress too). */
export function liveMaterials(db: Database.Database): CheckMaterial[] {
  return loadMaterials(db, criteriaIds(db));
}

type MaterialRow = [
  id: string,
  criterionId: number,
  position: number,
  kind: MaterialKind,
  title: string,
  fileName: string,
  caption: string | null,
  eventDate: string | null,
  month: string | null,
  sha256: string,
];

/**
 * Live materials in criterion then attachment order, with their blobs' facts. Everything is read by scanning whole
 * tables (as arrays, not row objects) and put in order here: at 20,000 materials, joins, an ORDER BY across
 * tables and per-row objects cost more than the rules themselves.
 */
function loadMaterials(db: Database.Database, criteria: { id: number; code: string }[]): CheckMaterial[] {
  const rank = new Map(criteria.map((c, i) => [c.id, i]));
  const rows = (
    db
      .prepare(
        `SELECT id, criterion_id, position, kind, title, file_name, caption, event_date, month, sha256
         FROM materials WHERE deleted_at IS NULL`,
      )
      .raw()
      .all() as MaterialRow[]
  ).sort((a, b) => rank.get(a[1])! - rank.get(b[1])! || a[2] - b[2]);
  const factsText = new Map(db.prepare('SELECT sha256, facts FROM blob_facts').raw().all() as [string, string][]);
  // Intake writes each blob's size into its facts; the blobs table is read only should one lack it.
  let sizes: Map<string, number> | undefined;
  const bytesOf = (sha: string, f: CheckFacts & { bytes?: unknown }): number => {
    if (typeof f.bytes === 'number') return f.bytes;
    sizes ??= new Map(db.prepare('SELECT sha256, bytes FROM blobs').raw().all() as [string, number][]);
    return sizes.get(sha) ?? 0;
  };
  const texts = new Map(
    db
      .prepare(
        `SELECT m.id, t.text FROM materials m JOIN blob_text t ON t.sha256 = m.sha256
         WHERE m.kind = 'statement' AND m.deleted_at IS NULL`,
      )
      .raw()
      .all() as [string, string][],
  );
  const parsed = new Map<string, CheckFacts>();
  const factsOf = (sha: string): CheckFacts => {
    let f = parsed.get(sha);
    if (!f) {
      const raw = factsText.get(sha);
      f = raw === undefined ? { mime: 'application/octet-stream' } : (JSON.parse(raw) as CheckFacts);
      parsed.set(sha, f);
    }
    return f;
  };
  return rows.map(([id, criterionId, , kind, title, fileName, caption, eventDate, month, sha256]) => {
    const facts = factsOf(sha256);
    return {
      id,
      criterionCode: criteria[rank.get(criterionId)!]!.code,
      kind,
      title,
      fileName,
      caption: caption === null ? null : (JSON.parse(caption) as Caption),
      eventDate,
      month,
      sha256,
      bytes: bytesOf(sha256, facts),
      facts,
      text: texts.get(id) ?? null,
    };
  });
}

/** Criterion ids in the order the ledger lists them (current in catalog order, removed after). */
function criteriaIds(db: Database.Database): { id: number; code: string }[] {
  return db.prepare('SELECT id, code FROM criteria ORDER BY removed, position').all() as { id: number; code: string }[];
}
