import { readFile } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { cellStatus, pointsAtRiskIn, type CellStatus } from '@shared/domain/campaign/cell-status';
import type { OfficeStatusResult } from '@shared/ipc/campaign-types';
import { contentOfManifest, contentSha256 } from '../signoff/content';
import type { Workspace } from '../workspace/workspace';
import { catalogLeaves } from './catalog-leaves';
import { listAssignments, listUnits } from './units-repo';

interface PackageRow {
  sha256: string;
  file: string;
  kind: string;
  month: string;
  created_at: string;
  imported_at: string;
  manifest: string;
}

interface ManifestView {
  criteria: { code: string; status: string; declaration: unknown; title: string }[];
  materials: { criterionCode: string }[];
  reviews: { criterionCode?: string; level?: string; decision?: string; contentSha256?: string }[];
}

/**
 * 完成情况: each unit's assigned criteria with one status per cell (cell-status.ts) from its package — the current
 * one, or with `month` the latest taken in whose month is not after it — and the points at risk: per unit, the
 * points of its at-risk cells; city-wide, each criterion's points once, however many units share it.
 */
export async function officeStatus(ws: Workspace, month: string | undefined): Promise<OfficeStatusResult> {
  const db = ws.db;
  const leaves = new Map(catalogLeaves(db).map((l) => [l.code, l]));
  const assignments = listAssignments(db).filter((a) => leaves.has(a.criterionCode));
  const cells = new Map<string, Map<string, CellStatus>>(); // code → unit name → status
  const units: OfficeStatusResult['units'] = [];
  for (const unit of listUnits(db)) {
    const pkg = packageOf(db, unit.id, month);
    const manifest = pkg ? (JSON.parse(pkg.manifest) as ManifestView) : null;
    const errors = pkg ? await errorsByCode(ws, pkg.sha256) : new Map<string, number>();
    const mine = assignments.filter((a) => a.unitId === unit.id);
    let complete = 0;
    let missing = 0;
    let signed = 0;
    let atRisk = 0;
    for (const a of mine) {
      const s = manifest ? cellOf(manifest, a.criterionCode, errors) : 'missing';
      if (s === 'missing') missing++;
      if (s === 'at-risk' || s === 'unsigned' || s === 'signed') complete++;
      if (s === 'signed') signed++;
      if (pointsAtRiskIn(s)) atRisk += leaves.get(a.criterionCode)!.points ?? 0;
      let row = cells.get(a.criterionCode);
      if (!row) cells.set(a.criterionCode, (row = new Map()));
      row.set(unit.name, s);
    }
    units.push({
      unit: unit.name,
      assigned: mine.length,
      complete,
      missing,
      signed,
      pointsAtRisk: round(atRisk),
      lastPackage: pkg
        ? { file: pkg.file, kind: pkg.kind, month: pkg.month, createdAt: pkg.created_at, sha256: pkg.sha256 }
        : null,
    });
  }
  const criteria = [...leaves.keys()]
    .filter((code) => cells.has(code))
    .map((code) => ({ code, units: Object.fromEntries(cells.get(code)!) }));
  const cityAtRisk = criteria
    .filter((c) => Object.values(c.units).some(pointsAtRiskIn))
    .reduce((sum, c) => sum + (leaves.get(c.code)!.points ?? 0), 0);
  return { units, criteria, pointsAtRisk: round(cityAtRisk) };
}

const round = (n: number): number => Math.round(n * 100) / 100;

function packageOf(db: Database.Database, unitId: string, month: string | undefined): PackageRow | undefined {
  return (
    month === undefined
      ? db.prepare('SELECT * FROM office_packages WHERE unit_id = ? AND current = 1')
      : db.prepare(
          'SELECT * FROM office_packages WHERE unit_id = ? AND month <= ? ORDER BY created_at DESC, imported_at DESC LIMIT 1',
        )
  ).get(...(month === undefined ? [unitId] : [unitId, month])) as PackageRow | undefined;
}

function cellOf(m: ManifestView, code: string, errors: Map<string, number>): CellStatus {
  const c = m.criteria.find((x) => x.code === code);
  const hasMaterial = m.materials.some((x) => x.criterionCode === code);
  const received = c !== undefined && (hasMaterial || c.declaration !== null);
  return cellStatus({
    received,
    status: c?.status ?? null,
    errors: errors.get(code) ?? 0,
    approved: approved(m, code),
  });
}

/** A current `approve` at both levels: each review's content hash is this manifest's content of the criterion. */
function approved(m: ManifestView, code: string): boolean {
  const content = contentOfManifest(m as unknown as Parameters<typeof contentOfManifest>[0], code);
  if (!content) return false;
  const sha = contentSha256(content);
  const ok = (level: string) =>
    m.reviews.some(
      (r) => r.criterionCode === code && r.level === level && r.decision === 'approve' && r.contentSha256 === sha,
    );
  return ok('leader') && ok('principal');
}

/** The error findings of the package's 校验报告.json, by criterion (read from the blob store). */
async function errorsByCode(ws: Workspace, packageSha: string): Promise<Map<string, number>> {
  const sha = ws.db
    .prepare("SELECT sha256 FROM office_package_files WHERE package_sha256 = ? AND path = '校验报告.json'")
    .pluck()
    .get(packageSha) as string | undefined;
  const out = new Map<string, number>();
  if (!sha) return out;
  const report = JSON.parse(await readFile(ws.store.path(sha), 'utf8')) as {
    findings?: { severity?: string; criterionCode?: string }[];
  };
  for (const f of report.findings ?? [])
    if (f.severity === 'error' && f.criterionCode) out.set(f.criterionCode, (out.get(f.criterionCode) ?? 0) + 1);
  return out;
}
