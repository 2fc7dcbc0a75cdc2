import { mkdir, open, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { takeInProblems, type OfficeProblem, type PackageFacts } from '@shared/domain/campaign/take-in-checks';
import { canonUnit } from '@shared/domain/unit-kind';
import type { Manifest } from '@shared/schemas/package-manifest';
import type { TakenPackage } from '@shared/ipc/campaign-types';
import { openVerifiedPackage, type VerifiedPackage } from '../package/read-package';
import { verifyPackage } from '../package/verify-package';
import { hashFile, renameWithRetry, fsyncDir } from '../store/blob-store';
import { fsError } from '../fs-errors';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import { closeMetRequests } from './auto-close';
import { listUnits, setPrincipalFingerprint, type OfficeUnit } from './units-repo';

/**
 * 收件 of one package: verified with verify-package (every code) before anything is stored; then the office's
 * checks (take-in-checks.ts); then, when nothing refuses it, each of its files stored once by SHA-256 in the blob
 * store (streamed from the zip, hashed while streaming, synced, renamed into place: a crash leaves no half blob), and
 * only then, in one transaction, the package's row (current for its unit, the earlier one kept), its files, the
 * principal key on record, the 销号 it brings (auto-close.ts) and the audit row. The same file again (its SHA-256)
 * is a duplicate: accepted, stored once.
 */
export async function takeInPackage(
  ws: Workspace,
  file: string,
  acceptNewKey: Set<string>,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<TakenPackage> {
  const base: TakenPackage = {
    file,
    unit: null,
    month: null,
    kind: null,
    sha256: null,
    accepted: false,
    duplicate: false,
    current: false,
    problems: [],
  };
  let sha256: string;
  try {
    sha256 = (await hashFile(file)).sha256;
  } catch (e) {
    return {
      ...base,
      problems: [{ code: 'zip-unreadable', severity: 'error', message: `无法读取文件：${String(e)}` }],
    };
  }
  const known = ws.db
    .prepare(
      `SELECT p.kind, p.month, p.current, u.name FROM office_packages p JOIN office_units u ON u.id = p.unit_id
       WHERE p.sha256 = ?`,
    )
    .get(sha256) as { kind: string; month: string; current: number; name: string } | undefined;
  if (known)
    return {
      ...base,
      sha256,
      unit: known.name,
      month: known.month,
      kind: known.kind,
      accepted: true,
      duplicate: true,
      current: known.current === 1,
    };
  const verified = await verifyPackage(file, onProgress);
  const problems: TakenPackage['problems'] = verified.problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    message: p.path ? `${p.message}（${p.path}）` : p.message,
  }));
  const out = {
    ...base,
    sha256,
    month: verified.month,
    kind: verified.kind,
    unit: verified.unit?.name ?? null,
    problems,
  };
  if (!verified.valid) return out;

  let pkg: VerifiedPackage;
  try {
    pkg = await openVerifiedPackage(file);
  } catch (e) {
    problems.push({ code: 'zip-unreadable', severity: 'error', message: `申报包在校验后发生了变化：${String(e)}` });
    return out;
  }
  try {
    const m = pkg.manifest;
    const unit = matchUnit(listUnits(ws.db), m);
    if (!unit) {
      problems.push({
        code: 'unit-unknown',
        severity: 'error',
        message: `申报包的单位“${m.unit.name}”与创城办的单位都对不上，未收取。请在单位名单中添加它（或把它写为某单位的别名）后重新收件。`,
      });
      return out;
    }
    out.unit = unit.name;
    const facts = factsOf(m);
    const current = ws.db
      .prepare('SELECT created_at, audit_rows, audit_head FROM office_packages WHERE unit_id = ? AND current = 1')
      .get(unit.id) as { created_at: string; audit_rows: number | null; audit_head: string | null } | undefined;
    const catalogs = ws.db
      .prepare('SELECT sha256 FROM office_catalogs ORDER BY first_at, rowid')
      .pluck()
      .all() as string[];
    const office: OfficeProblem[] = takeInProblems(
      {
        unitName: unit.name,
        principalFingerprint: unit.principalFingerprint,
        current: current
          ? { createdAt: current.created_at, auditRows: current.audit_rows, auditHead: current.audit_head }
          : null,
        catalogs: new Set(catalogs),
        latestCatalog: catalogs.at(-1) ?? null,
        acceptNewKey: [unit.name, ...unit.aliases].some((n) => acceptNewKey.has(canonUnit(n))),
      },
      facts,
    );
    problems.push(...office);
    if (office.some((p) => p.severity === 'error')) return out;

    // A full disk or an unreadable file stops the whole take-in with a clear message: the blobs already written
    // are whole and unreferenced (the next open sweeps them), no row points at a missing one.
    try {
      for (const f of m.files) await storeBlob(ws, pkg, f);
    } catch (e) {
      throw fsError(e, '保存申报包中的文件', ws.dir);
    }
    try {
      ws.db.transaction(() => {
        const putBlob = ws.db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?, ?, ?)');
        for (const f of m.files) putBlob.run(f.sha256, f.bytes, now.toISOString());
        ws.db.prepare('UPDATE office_packages SET current = 0 WHERE unit_id = ? AND current = 1').run(unit.id);
        ws.db
          .prepare(
            `INSERT INTO office_packages (sha256, unit_id, file, kind, month, created_at, catalog_sha256,
             principal_fingerprint, audit_rows, audit_head, manifest, problems, current, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
          )
          .run(
            sha256,
            unit.id,
            basename(file),
            m.kind,
            m.month,
            m.createdAt,
            facts.catalogSha256,
            facts.principals[0] ?? null,
            facts.audit?.rows ?? null,
            facts.audit?.headSha256 ?? null,
            JSON.stringify(m),
            JSON.stringify(problems),
            now.toISOString(),
          );
        const putFile = ws.db.prepare(
          'INSERT OR IGNORE INTO office_package_files (package_sha256, path, sha256, bytes) VALUES (?, ?, ?, ?)',
        );
        for (const f of m.files) putFile.run(sha256, f.path, f.sha256, f.bytes);
        if (facts.principals[0] !== undefined && !facts.principals.includes(unit.principalFingerprint ?? ''))
          setPrincipalFingerprint(ws.db, unit.id, facts.principals[0]);
        closeMetRequests(ws.db, unit.id, m, ws.settings().period, now);
        appendAudit(ws.db, now, 'office.import', { file: basename(file), sha256, unit: unit.name, month: m.month });
      })();
    } catch (e) {
      // SQLite's own full disk (the transaction rolled back whole): said as the blob store says it.
      if ((e as { code?: string }).code === 'SQLITE_FULL')
        throw fsError(Object.assign(e as Error, { code: 'ENOSPC' }), '保存申报包', ws.dir);
      throw e;
    }
    return { ...out, accepted: true, current: true };
  } finally {
    pkg.close();
  }
}

/** By the hand-out's unit id the package carries, else by its unit's name among names and aliases. */
function matchUnit(units: OfficeUnit[], m: Manifest): OfficeUnit | undefined {
  const byId = m.handout?.unitId;
  const found = byId ? units.find((u) => u.id === byId) : undefined;
  if (found) return found;
  const name = canonUnit(m.unit.name);
  return units.find((u) => [u.name, ...u.aliases].some((n) => canonUnit(n) === name));
}

function factsOf(m: Manifest): PackageFacts {
  const principals = (m.signers ?? [])
    .map((s) => s as { level?: unknown; fingerprint?: unknown })
    .filter((s) => s.level === 'principal' && typeof s.fingerprint === 'string')
    .map((s) => s.fingerprint as string);
  return {
    createdAt: m.createdAt,
    catalogSha256: m.catalog.sha256,
    principals,
    audit: m.audit ? { rows: m.audit.rows, headSha256: m.audit.headSha256 } : null,
  };
}

/** One file of the package into the blob store, unless it is there already (stored once, whatever carries it). */
async function storeBlob(ws: Workspace, pkg: VerifiedPackage, f: { path: string; sha256: string }): Promise<void> {
  if (await ws.store.has(f.sha256)) return;
  const tmp = ws.store.tempPath();
  try {
    await pkg.read(f, tmp); // hashed while streamed; refused whole when it is not the manifest's SHA-256
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    const target = ws.store.path(f.sha256);
    await mkdir(dirname(target), { recursive: true });
    await renameWithRetry(tmp, target);
    await fsyncDir(dirname(target));
  } finally {
    await rm(tmp, { force: true });
  }
}
