import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { refreshMineAuto } from '../catalog/criteria-repo';
import { importCatalog } from '../catalog/import-catalog';
import { closeRequest, upsertRequest } from '../collection/requests-repo';
import { replaceOfficeKeyDates } from '../collection/key-dates-repo';
import { renameWithRetry } from '../store/blob-store';
import { appendAudit } from '../workspace/audit';
import { scopeUnitOf, type Workspace } from '../workspace/workspace';
import { confined, handoutDir, HANDOUTS_DIR } from './attachments';
import { recordHandout, type HandoutAttachment } from './handouts-repo';
import { catalogSourceName, type HandoutPlan } from './plan-handout';
import type { OpenedHandout, VerifiedHandout } from './read-handout';

/**
 * Applies a planned hand-out. Files first, outside the database: every attachment is copied out of the zip (its
 * SHA-256 checked again) into a staging folder beside `handouts/<sequence>/`, stored as a blob (so backups carry
 * it), and the staging folder renamed into place; handout.json is kept verbatim as a blob. Then ONE transaction:
 * the hand-out on record, the catalog (a new version unless its hash is the one in force), the scope, the period
 * and collection day, the 要账 and their closing, the key dates and the audit line. If the transaction fails, the
 * folder and the blobs this import created are removed again: nothing partial is left.
 */
export async function applyHandout(ws: Workspace, opened: OpenedHandout, plan: HandoutPlan, now: Date): Promise<void> {
  const h = opened.handout;
  const root = join(ws.dir, HANDOUTS_DIR);
  const target = handoutDir(ws, h.json.sequence);
  const staging = join(root, `.${h.json.sequence}.importing-${randomBytes(4).toString('hex')}`);
  const created: string[] = [];
  const attachments: HandoutAttachment[] = [];
  let placed = false;
  try {
    await removeLeftovers(root);
    await mkdir(staging, { recursive: true });
    for (const f of h.files) {
      const to = confined(staging, f.disk);
      await mkdir(dirname(to), { recursive: true });
      await opened.copyFile(f, to);
      const put = await ws.store.putFile(to);
      if (!put.existed) created.push(put.sha256);
      attachments.push({ path: f.path, sha256: f.sha256, bytes: f.bytes });
    }
    await writeFile(join(staging, 'handout.json'), h.bytes);
    await writeFile(join(staging, 'handout.sig'), h.sigText);
    const json = await ws.store.putStream(Readable.from([h.bytes]));
    if (!json.existed) created.push(json.sha256);
    await rm(target, { recursive: true, force: true }); // a leftover of a crash: this sequence was never recorded
    await renameWithRetry(staging, target);
    placed = true;
    writeAll(ws, plan, h, attachments, now);
  } catch (e) {
    await rm(placed ? target : staging, { recursive: true, force: true });
    const known = ws.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck();
    for (const sha of created) if (known.get(sha) === undefined) await rm(ws.store.path(sha), { force: true });
    throw e;
  }
}

/**
 * Staging folders a killed import left (`handouts/.<sequence>.importing-<hex>`): never a finished hand-out's. Only
 * the workspace's writer imports, so none of them belongs to an import running now.
 */
async function removeLeftovers(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const n of names)
    if (/^\.\d+\.importing-[0-9a-f]{8}$/u.test(n)) await rm(join(root, n), { recursive: true, force: true });
}

/** The database half: one transaction (better-sqlite3 nests importCatalog's and updateSettings' as savepoints). */
function writeAll(
  ws: Workspace,
  plan: HandoutPlan,
  verified: VerifiedHandout,
  attachments: HandoutAttachment[],
  now: Date,
): void {
  const { db } = ws;
  const h = plan.preview;
  const unit = plan.unit!;
  db.transaction(() => {
    const blob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?, ?, ?)');
    for (const a of attachments) blob.run(a.sha256, a.bytes, now.toISOString());
    blob.run(verified.sha256, verified.bytes.length, now.toISOString());
    // First: the automatic scope of the catalog import below reads this unit's assignments from it.
    recordHandout(db, {
      officeId: h.office.id,
      officeName: h.office.name,
      fingerprint: h.office.fingerprint,
      publicKey: verified.sig.publicKey,
      sequence: h.sequence,
      year: h.year,
      issuedAt: h.issuedAt,
      unitId: unit.id,
      unitName: unit.name,
      sha256: verified.sha256,
      catalogSha256: plan.catalog.sha256,
      keyChanged: h.office.keyChanged,
      importedAt: now.toISOString(),
      signature: verified.sigText,
      assignments: plan.assignments,
      attachments,
    });
    const before = ws.settings();
    const { period, collectionDay } = plan.settings;
    const periodChanged = before.period.start !== period.start || before.period.end !== period.end;
    if (periodChanged || before.collectionDay !== collectionDay) ws.updateSettings({ period, collectionDay }, now);
    if (plan.catalog.inForce) refreshMineAuto(db, scopeUnitOf(ws.settings()));
    else
      importCatalog(
        db,
        ws.settings(),
        {
          built: plan.catalog.built,
          name: plan.catalog.name,
          sourceName: catalogSourceName(verified),
          sha256: plan.catalog.sha256,
          ruleProfile: plan.catalog.ruleProfile,
        },
        now,
      );
    // The office reassigned these: its word wins over the officer's earlier choice there.
    db.prepare('UPDATE criteria SET mine_user = NULL WHERE code IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(plan.reassigned),
    );
    for (const ask of plan.requests.asks) upsertRequest(db, ask, now);
    for (const c of plan.requests.closes) closeRequest(db, c.id, 'office', c.closedAt, c.note, now);
    replaceOfficeKeyDates(db, plan.keyDates);
    appendAudit(db, now, 'handout.import', {
      office: { id: h.office.id, name: h.office.name, fingerprint: h.office.fingerprint },
      sequence: h.sequence,
      sha256: verified.sha256,
      catalogSha256: plan.catalog.sha256,
      unitId: unit.id,
      firstSight: h.office.firstSight,
      keyChanged: h.office.keyChanged,
      catalog: { added: h.catalog.added.length, changed: h.catalog.changed.length, removed: h.catalog.removed.length },
      scope: { added: h.scope.added.length, removed: h.scope.removed.length },
      requests: { new: h.requests.new, updated: h.requests.updated, closed: h.requests.closed },
      skipped: h.requests.skipped.length,
      keyDates: h.keyDates,
      files: h.files.length,
    });
  })();
}
