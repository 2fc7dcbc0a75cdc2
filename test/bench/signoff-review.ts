// Sign-off's figures at the size of a real unit (250 criteria): approving all of them at once once the key is
// unlocked (content hashes, signing, writing) ≤ 300 ms — baseline: the sqlite3 shell reading the same materials,
// what merely reading them costs; checking the signatures of that package's 500 reviews adds ≤ 10 % to `verify` —
// baseline: the same package's verify with its sign-off taken out; and re-verifying an audit log of 100,000 rows at
// ≥ half the rate of `sha256sum` hashing the same bytes.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../electron/core/dispatch';
import { requireCriterion } from '../../electron/core/catalog/criteria-repo';
import { listMaterials, insertMaterial } from '../../electron/core/materials/materials-repo';
import { verifyPackage } from '../../electron/core/package/verify-package';
import { planDecision, recordDecision } from '../../electron/core/signoff/decide';
import { unlockSigningKey } from '../../electron/core/signoff/keys';
import { listSignerRows } from '../../electron/core/signoff/signers-repo';
import { appendAudit, verifyAuditChain } from '../../electron/core/workspace/audit';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { generatedCatalog, writeCatalog } from '../helpers/catalog';
import { testCtx } from '../helpers/ctx';
import { editPackage } from '../helpers/zips';
import { figure, interleaved } from './report';

const PER_CRITERION = 8;
const AUDIT_ROWS = 100_000;

export async function benchSignoffReview(base: string): Promise<void> {
  const { ctx } = testCtx(base);
  const dir = join(base, 'ws');
  await call('workspace:create', { dir, unit: '市财政局', year: 2026 }, ctx);
  await call('catalog:import', { file: writeCatalog(base, generatedCatalog(250)) }, ctx);
  const ws = ctx.session.workspace!;
  const leaves = (await call('catalog:list', {}, ctx)).criteria.filter((c) => c.leaf).map((c) => c.code);
  // One real photo, then the same file as every criterion's materials (rows, not copies: a blob is stored once).
  const photo = await periodPhoto(join(base, 'p.jpg'), (s) => s.resize(800));
  await call('materials:attach', { criterionCode: leaves[0]!, paths: [photo], caption: FULL_CAPTION }, ctx);
  const [first] = listMaterials(ws.db);
  ws.db.transaction(() => {
    for (const code of leaves)
      for (let i = 0; i < PER_CRITERION; i++)
        insertMaterial(ws.db, {
          id: randomUUID(),
          criterionId: requireCriterion(ws.db, code).id,
          sha256: first!.sha256,
          bytes: first!.bytes,
          kind: 'photo',
          title: `现场照片 ${i + 1}`,
          caption: first!.caption,
          eventDate: first!.eventDate,
          month: first!.month,
          fileName: first!.fileName,
          createdAt: new Date().toISOString(),
          facts: first!.facts as never,
        });
  })();
  for (const [name, level] of [
    ['王分管', 'leader'],
    ['李主要', 'principal'],
  ] as const)
    await call('signer:add', { name, level, passphrase: `${name}的口令` }, ctx);
  const [leader, principal] = listSignerRows(ws.db);
  const keys = {
    leader: await unlockSigningKey(leader!.sealed, '王分管的口令'),
    principal: await unlockSigningKey(principal!.sealed, '李主要的口令'),
  };
  const materials = leaves.length * PER_CRITERION + 1;
  console.log(`sign-off workspace: ${leaves.length} criteria, ${materials} materials`);

  const approve = (who: 'leader' | 'principal') => {
    const signer = who === 'leader' ? leader! : principal!;
    const d = { codes: leaves, decision: 'approve' as const, comment: '', signer: signer.fingerprint };
    const now = new Date(Date.now() + 1000);
    recordDecision(ws, planDecision(ws, d, now), keys[who], now);
  };
  const sql = `SELECT m.*, b.bytes, f.facts FROM materials m JOIN blobs b ON b.sha256 = m.sha256 LEFT JOIN blob_facts f ON f.sha256 = m.sha256 WHERE m.deleted_at IS NULL`;
  const sqlite = () => execFileSync('sqlite3', [join(dir, 'workspace.db'), sql], { stdio: 'pipe', maxBuffer: 1 << 30 });
  const approved = await interleaved(5, () => approve('leader'), sqlite);
  figure({
    name: `approve all ${leaves.length} criteria at once, key unlocked (${materials} materials)`,
    value: approved.ours,
    unit: 'ms',
    baseline: 'sqlite3 shell reading the same materials',
    baselineValue: approved.baseline,
    ratio: approved.ratio,
    within: { atMost: 300 },
  });
  approve('principal');

  // The package carries the latest review of each criterion at each level: 500 signatures to check.
  const signed = join(base, 'signed.zip');
  await call('package:export', { kind: 'monthly', month: '2026-05', out: signed }, ctx);
  const unsigned = join(base, 'unsigned.zip');
  await editPackage(signed, unsigned, (m) => {
    m.reviews = [];
    m.signers = [];
  });
  const state = async (path: string) => {
    const r = await verifyPackage(path);
    return `${r.valid ? 'valid' : 'invalid'}${r.problems.length > 0 ? ` (${r.problems.map((p) => p.code).join(', ')})` : ''}`;
  };
  console.log(`  the signed package: ${await state(signed)}; the same without its sign-off: ${await state(unsigned)}`);
  const verify = await interleaved(
    7,
    () => verifyPackage(signed),
    () => verifyPackage(unsigned),
  );
  figure({
    name: 'verify of a package carrying 500 review signatures',
    value: verify.ours,
    unit: 'ms',
    baseline: 'the same package without them',
    baselineValue: verify.baseline,
    ratio: verify.ratio,
    ratioWithin: { atMost: 1.1 },
    goal: '≤ 1.1× (+10 %) the same package without them',
  });
  await call('workspace:close', {}, ctx);

  await benchAuditLog(base);
}

/** 100,000 rows appended, then the chain re-verified, beside sha256sum of the bytes the chain hashes. */
async function benchAuditLog(base: string): Promise<void> {
  const { ctx } = testCtx(base);
  const dir = join(base, 'audit-ws');
  await call('workspace:create', { dir, unit: '市财政局', year: 2026 }, ctx);
  const db = ctx.session.workspace!.db;
  const at = new Date();
  db.transaction(() => {
    for (let i = 0; i < AUDIT_ROWS; i++)
      appendAudit(db, at, 'material.update', {
        id: randomUUID(),
        caption: `时间：2026年3月${(i % 28) + 1}日；地点：市民广场`,
      });
  })();
  const rows = db.prepare('SELECT at, action, details, prev_hash FROM audit_log ORDER BY id').all() as {
    at: string;
    action: string;
    details: string;
    prev_hash: string;
  }[];
  const text = rows.map((r) => `${r.prev_hash}\n${r.at}\n${r.action}\n${r.details}`).join('');
  const file = join(base, 'audit.txt');
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  const p = await interleaved(
    5,
    () => {
      if (verifyAuditChain(db) !== null) throw new Error('chain broken');
    },
    () => execFileSync('sha256sum', [file], { stdio: 'pipe' }),
  );
  // A rate: the ratio reads "ours is this many times as fast as sha256sum" (the median pair's, inverted).
  const mbps = (ms: number) => bytes / 2 ** 20 / (ms / 1000);
  figure({
    name: `re-verify an audit log of ${rows.length} rows (rate; ratio > 1 is faster)`,
    value: mbps(p.ours),
    unit: 'MB/s',
    baseline: 'sha256sum of the bytes the chain hashes',
    baselineValue: mbps(p.baseline),
    ratio: 1 / p.ratio,
    rate: true,
    ratioWithin: { atLeast: 0.5 },
    goal: "≥ 0.5× sha256sum's rate",
    note: `${p.ours.toFixed(0)} ms vs ${p.baseline.toFixed(0)} ms`,
  });
  await call('workspace:close', {}, ctx);
}
