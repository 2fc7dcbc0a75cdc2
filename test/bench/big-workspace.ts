// A workspace of 250 criteria × 20,000 materials (facts and near-duplicate candidates already in the database), the
// size the checker's and 月收集's figures are measured at. The materials' blobs are not on disk: nothing measured
// here reads a file.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { call } from '../../electron/core/dispatch';
import type { Ctx } from '../../electron/core/context';
import { requireCriterion } from '../../electron/core/catalog/criteria-repo';
import type { BlobFacts } from '../../electron/core/materials/blobs-repo';
import { insertMaterial } from '../../electron/core/materials/materials-repo';
import { NEAR_DUPLICATE_STORE } from '../../electron/core/materials/near-duplicates';
import type { Workspace } from '../../electron/core/workspace/workspace';
import { PhashIndex, phashBands } from '@shared/domain/phash-bands';
import { parseCaption } from '@shared/domain/caption';
import { generatedCatalog, writeCatalog } from '../helpers/catalog';
import { testCtx } from '../helpers/ctx';

export const MATERIALS = 20_000;

/** A deterministic pseudo-random source (mulberry32), so every run checks the same workspace. */
export function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Stores the photos' pHashes, their bands and the near-duplicate pairs as intake would, in bulk: intake indexes
 * one photo at a time against the database (fine at a few hundred a day), which would make building 20,000
 * here take minutes. The pairs are found with the same multi-index in memory.
 */
function indexHashes(db: Database.Database, hashes: Map<string, string>): void {
  const index = new PhashIndex<string>();
  const setHash = db.prepare("UPDATE blob_facts SET phash = ?, facts = json_set(facts, '$.phash', ?) WHERE sha256 = ?");
  const band = db.prepare('INSERT INTO phash_bands (band, value, sha256) VALUES (?, ?, ?)');
  const pair = db.prepare('INSERT OR IGNORE INTO near_duplicates (a, b, distance) VALUES (?, ?, ?)');
  for (const [sha, phash] of hashes) {
    setHash.run(phash, phash, sha);
    phashBands(phash).forEach((v, i) => band.run(i, v, sha));
    for (const { value: other, distance } of index.near(phash, NEAR_DUPLICATE_STORE))
      pair.run(...(sha < other ? [sha, other] : [other, sha]), distance);
    index.add(phash, sha);
  }
}

/** The open workspace (in `base/ws`), its context and folder; the caller closes it. */
export async function bigWorkspace(base: string): Promise<{ ctx: Ctx; ws: Workspace; dir: string }> {
  const { ctx } = testCtx(base);
  const dir = join(base, 'ws');
  await call('workspace:create', { dir, unit: '市财政局', year: 2026 }, ctx);
  await call('catalog:import', { file: writeCatalog(base, generatedCatalog(250)) }, ctx);
  const ws = ctx.session.workspace!;
  const leaves = (await call('catalog:list', {}, ctx)).criteria.filter((c) => c.leaf && c.needsMaterial);
  const refs = leaves.map((c) => requireCriterion(ws.db, c.code));
  const random = rng(42);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const started = performance.now();
  let previous: { sha: string; phash: string } | null = null;
  const hashes = new Map<string, string>();
  ws.db.transaction(() => {
    for (let i = 0; i < MATERIALS; i++) {
      const criterion = refs[i % refs.length]!;
      const statement = i % 20 === 0;
      // 2 % the same file again on another criterion; 2 % a near copy (3 bits flipped) of the previous photo.
      const same = previous !== null && i % 50 === 1;
      const near = previous !== null && i % 50 === 2;
      const sha: string = same ? previous!.sha : hex(64);
      const phash: string = same
        ? previous!.phash
        : near
          ? previous!.phash.slice(0, 15) + ((parseInt(previous!.phash[15]!, 16) ^ 7) & 15).toString(16)
          : hex(16);
      const day = `2026-0${1 + (i % 9)}-1${i % 10}`;
      const facts: BlobFacts = statement
        ? { mime: 'application/pdf', bytes: 200_000, readable: true, pages: 3, hasText: true, encrypted: false }
        : {
            mime: 'image/jpeg',
            bytes: 3_000_000,
            readable: true,
            width: i % 13 === 0 ? 800 : 4000,
            height: 3000,
            exifDate: `${day}T10:00:00`,
            sharpness: i % 17 === 0 ? 40 : 600,
            jpegQuality: 90,
            screenshotLike: false,
          };
      insertMaterial(ws.db, {
        id: randomUUID(),
        criterionId: criterion.id,
        sha256: sha,
        bytes: facts.bytes as number,
        kind: statement ? 'statement' : 'photo',
        title: `材料 ${i}`,
        caption: i % 5 === 0 ? null : parseCaption(`时间：${day}；地点：市民广场；人物：志愿者；主题：志愿服务`),
        eventDate: day,
        month: day.slice(0, 7),
        fileName: `IMG_${i}.jpg`,
        createdAt: new Date().toISOString(),
        facts,
        text: statement ? '我局制定方案，组织开展志愿服务 36 场，参与 1,200 人次，取得明显成效。'.repeat(8) : undefined,
      });
      if (!statement) {
        previous = { sha, phash };
        hashes.set(sha, phash);
      }
    }
    indexHashes(ws.db, hashes);
  })();
  const pairs = ws.db.prepare('SELECT COUNT(*) FROM near_duplicates').pluck().get();
  console.log(
    `check workspace: ${refs.length} criteria, ${MATERIALS} materials, ${pairs} near-duplicate pairs (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return { ctx, ws, dir };
}
