import { extensionOf, planPackagePaths } from '@shared/domain/naming/package-paths';
import type { CriterionSheet, PackageContent, PackageMaterial } from '@shared/domain/package/content';
import { FREQUENCIES } from '@shared/domain/value-sets';
import type { Criterion } from '@shared/ipc/types';
import { clampMonth, collectionMonth, monthInPeriod, monthOutsidePeriod } from '@shared/domain/collection';
import { localIsoDate, localIsoTimestamp, type Period } from '@shared/domain/period';
import { AppError } from '@shared/ipc/errors';
import { latestCatalogVersion } from '../catalog/versions-repo';
import { ledgerSnapshot } from '../checker/ledger-state';
import { packageSignoff } from '../signoff/package-signoff';
import type { SignerRow } from '../signoff/signers-repo';
import { listMaterials } from '../materials/materials-repo';
import { collectionDayOf, type Workspace } from '../workspace/workspace';

/** Content types already compressed: stored in the zip as they are (PACKAGE-FORMAT.md); the rest is deflated. */
const STORED = /^(image\/(jpeg|png)|application\/pdf|video\/.*)$/u;

/** A material's bytes in the package: where they are in the workspace and how they go into the zip. */
export interface PlannedFile {
  path: string;
  blob: string;
  sha256: string;
  bytes: number;
  store: boolean;
}

export interface PackagePlan {
  content: PackageContent;
  files: PlannedFile[];
  /** The manifest's `handout` and `requests` (月收集; PACKAGE-FORMAT.md). */
  collection: PackageCollection;
}

/**
 * The manifest's `handout` (the last hand-out imported, null before any) and `requests` (the office's 要账 with their
 * state): counted by core/collection and handed in by the caller, so this folder never reaches back into the ones
 * built on it.
 */
export interface PackageCollection {
  handout: { officeFingerprint: string; sequence: number; unitId: string } | null;
  requests: {
    id: string;
    criterionCode: string;
    month: string;
    status: 'open' | 'met' | 'closed';
    /** The materials counted towards it now. */
    materialIds: string[];
  }[];
}

/** What a workspace that never imported a hand-out writes. */
export const NO_COLLECTION: PackageCollection = { handout: null, requests: [] };

/**
 * The month a package is of: a final one, the month it is made (PACKAGE-FORMAT.md); a monthly one, the month given —
 * which must lie in the 测评周期 — else the current collection month moved into the period.
 */
function packageMonth(
  opts: { kind: 'monthly' | 'final'; month?: string | undefined },
  period: Period,
  today: string,
  collectionDay: number,
) {
  if (opts.kind === 'final') return today.slice(0, 7);
  if (opts.month === undefined) return clampMonth(collectionMonth(today, collectionDay), period);
  if (!monthInPeriod(opts.month, period))
    throw new AppError(
      'invalid-args',
      `${monthOutsidePeriod(opts.month, period)}月报的月份须在测评周期内。`,
      `month ${opts.month} outside ${period.start}..${period.end}`,
    );
  return opts.month;
}

/**
 * Decides what a package holds, from the workspace as it is now: every live material (cumulative: the package
 * replaces any earlier one of the unit), the unit's leaf criteria plus any other that has materials or a
 * declaration, the check. A final package is refused while an error finding remains.
 */
export function planPackage(
  ws: Workspace,
  opts: {
    kind: 'monthly' | 'final';
    month?: string | undefined;
    /** The 主要负责同志 who signs `manifest.sig` (a final package): listed in `signers`. */
    manifestSigner?: SignerRow | undefined;
    /** The manifest's `handout` and `requests` (core/collection's `packageCollection`); absent: none. */
    collection?: PackageCollection | undefined;
  },
  now: Date,
  appVersion: string,
): PackagePlan {
  const db = ws.db;
  const s = ws.settings();
  const version = latestCatalogVersion(db);
  if (!version) throw new AppError('input-refused', '还没有导入测评体系，无法生成申报包。', 'no catalog version');
  const month = packageMonth(opts, s.period, localIsoDate(now), collectionDayOf(s));
  const { criteria: all, report: check, reviews } = ledgerSnapshot(ws, localIsoDate(now));
  if (opts.kind === 'final' && check.summary.errors > 0)
    throw new AppError(
      'input-refused',
      `还有 ${check.summary.errors} 项错误（会失分），不能生成正式申报包。请在“体检”中逐项处理；月报可以照常导出。`,
      `final refused: ${check.summary.errors} errors`,
    );
  const list = listMaterials(db);
  const withMaterials = new Set(list.map((m) => m.criterionCode));
  const criteria = all.filter(
    (c) => c.leaf && ((c.mine && !c.removed && c.needsMaterial) || withMaterials.has(c.code) || c.declaration),
  );
  // Everything a final package answers for carries both leaders' approval of what it holds now.
  const unapproved = criteria
    .filter((c) => c.status !== 'not-applicable' && c.reviewState?.status !== 'approved')
    .map((c) => c.code);
  if (opts.kind === 'final' && unapproved.length > 0)
    throw new AppError(
      'input-refused',
      `还有 ${unapproved.length} 条标准没有经分管领导审改、主要负责同志审阅把关（或审核后材料有变动）：` +
        `${unapproved.slice(0, 10).join('、')}${unapproved.length > 10 ? ' 等' : ''}。请在“审核”中处理后再生成正式申报包。`,
      `final refused: not approved ${unapproved.join(', ')}`,
    );
  const titles = new Map(criteria.map((c) => [c.code, c.title]));
  const paths = planPackagePaths(
    list.map((m) => ({
      id: m.id,
      criterionCode: m.criterionCode,
      criterionTitle: titles.get(m.criterionCode) ?? '',
      title: m.title,
      ext: extensionOf(m.fileName, String(m.facts.mime ?? '')),
    })),
  );
  const materials: PackageMaterial[] = list.map((m) => {
    const mime = String(m.facts.mime ?? '');
    return {
      id: m.id,
      criterionCode: m.criterionCode,
      kind: m.kind,
      title: m.title,
      caption: m.caption,
      eventDate: m.eventDate,
      month: m.month,
      path: paths.get(m.id)!.path,
      sha256: m.sha256,
      bytes: m.bytes,
      pages: typeof m.facts.pages === 'number' ? m.facts.pages : mime.startsWith('image/') ? 1 : null,
    };
  });
  const mimeOf = new Map(list.map((m) => [m.id, String(m.facts.mime ?? '')]));
  return {
    content: {
      kind: opts.kind,
      month,
      createdAt: localIsoTimestamp(now),
      app: { name: 'wangbao', version: appVersion },
      unit: { id: s.unitId, name: s.unit.name },
      year: s.year,
      period: s.period,
      catalog: {
        id: version.sha256.slice(0, 16),
        edition: version.edition,
        name: version.name,
        sha256: version.sha256,
      },
      ruleProfileSha256: check.ruleProfile.sha256,
      criteria: criteria.map((c) => ({
        code: c.code,
        title: c.title,
        points: c.points,
        status: c.status,
        declaration: c.declaration,
      })),
      materials,
      check,
      signoff: packageSignoff(
        db,
        reviews,
        criteria.map((c) => c.code),
        opts.manifestSigner ?? null,
      ),
      documents: {
        contact: s.contact ?? { name: '', phone: '' },
        criteria: sheetsOf(all, criteria),
        originalNames: Object.fromEntries(list.map((m) => [m.id, m.fileName])),
      },
    },
    collection: opts.collection ?? NO_COLLECTION,
    // A file on several criteria goes in once per criterion: each folder must be complete on its own (一项一档).
    files: materials.map((m) => ({
      path: m.path,
      blob: ws.store.path(m.sha256),
      sha256: m.sha256,
      bytes: m.bytes,
      store: STORED.test(mimeOf.get(m.id)!),
    })),
  };
}

/** The 台账 fields of the package's criteria, with their ancestors from the top level down. */
function sheetsOf(all: Criterion[], criteria: Criterion[]): Record<string, CriterionSheet> {
  const byCode = new Map(all.map((c) => [c.code, c]));
  const out: Record<string, CriterionSheet> = {};
  for (const c of criteria) {
    const ancestors: CriterionSheet['ancestors'] = [];
    const seen = new Set([c.code]);
    for (let p = c.parentCode ? byCode.get(c.parentCode) : undefined; p && !seen.has(p.code);) {
      seen.add(p.code);
      ancestors.unshift({ code: p.code, label: p.label, title: p.title });
      p = p.parentCode ? byCode.get(p.parentCode) : undefined;
    }
    out[c.code] = {
      ancestors,
      label: c.label,
      seq: c.seq,
      text: c.text,
      methods: c.methods,
      requirements: c.requirements,
      leadUnit: c.leadUnit,
      responsibleUnits: c.responsibleUnits,
      deadline: c.deadline ?? c.dueDate ?? (c.frequency ? FREQUENCIES[c.frequency] : null),
      counts: c.counts,
      progress: c.progress,
    };
  }
  return out;
}
