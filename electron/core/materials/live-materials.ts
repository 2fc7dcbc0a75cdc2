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
  // Bucketed by criterion (in ledger order), then sorted by position within each: no comparator over 20,000 rows.
  const rank = new Map(criteria.map((c, i) => [c.id, i]));
  const buckets: MaterialRow[][] = criteria.map(() => []);
  const rows = db
    .prepare(
      `SELECT id, criterion_id, position, kind, title, file_name, caption, event_date, month, sha256
       FROM materials WHERE deleted_at IS NULL`,
    )
    .raw()
    .all() as MaterialRow[];
  for (const row of rows) buckets[rank.get(row[1])!]!.push(row);
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
  const factsOf = blobFacts(db, rows, 9);
  const out: CheckMaterial[] = [];
  // Indexed reads, not array destructuring: at 20,000 rows the iterator protocol shows in the profile.
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i]!;
    if (bucket.length === 0) continue;
    if (bucket.length > 1) bucket.sort((a, b) => a[2] - b[2]);
    const criterionCode = criteria[i]!.code;
    for (let j = 0; j < bucket.length; j++) {
      const r = bucket[j]!;
      const sha256 = r[9];
      const facts = factsOf(sha256);
      out.push({
        id: r[0],
        criterionCode,
        kind: r[3],
        title: r[4],
        fileName: r[5],
        caption: r[6] === null ? null : (JSON.parse(r[6]) as Caption),
        eventDate: r[7],
        month: r[8],
        sha256,
        bytes: bytesOf(sha256, facts),
        facts,
        text: texts.get(r[0]) ?? null,
      });
    }
  }
  return out;
}

/**
 * A blob's facts never change once written (`INSERT OR IGNORE` by content hash), so each open database parses them
 * once: a check after a change reads only the new blobs' facts (by key), not 20,000 JSON texts again. The objects
 * are shared by every material of that blob and every caller, so they are treated as read-only throughout.
 */
const FACTS_MEMO = new WeakMap<Database.Database, Map<string, CheckFacts>>();
/** Above this many blobs not yet parsed, one scan of the table beats that many lookups by key. */
const SCAN_ABOVE = 500;
const UNKNOWN_FACTS: CheckFacts = { mime: 'application/octet-stream' };

export function blobFacts(db: Database.Database, rows: unknown[][], shaAt: number): (sha: string) => CheckFacts {
  let memo = FACTS_MEMO.get(db);
  if (!memo) FACTS_MEMO.set(db, (memo = new Map()));
  const missing = new Set<string>();
  for (const r of rows) if (!memo.has(r[shaAt] as string)) missing.add(r[shaAt] as string);
  if (missing.size > SCAN_ABOVE) {
    for (const [sha, facts] of db.prepare('SELECT sha256, facts FROM blob_facts').raw().all() as [string, string][])
      if (!memo.has(sha)) memo.set(sha, JSON.parse(facts) as CheckFacts);
  } else if (missing.size > 0) {
    const one = db.prepare('SELECT facts FROM blob_facts WHERE sha256 = ?').pluck();
    for (const sha of missing) {
      const facts = one.get(sha) as string | undefined;
      if (facts !== undefined) memo.set(sha, JSON.parse(facts) as CheckFacts);
    }
  }
  const known = memo;
  // A blob without facts (not expected: intake writes them with the blob) is not remembered, so it is read again.
  return (sha) => known.get(sha) ?? UNKNOWN_FACTS;
}

/** Criterion ids in the order the ledger lists them (current in catalog order, removed after). */
function criteriaIds(db: Database.Database): { id: number; code: string }[] {
  return db.prepare('SELECT id, code FROM criteria ORDER BY removed, position').all() as { id: number; code: string }[];
}
