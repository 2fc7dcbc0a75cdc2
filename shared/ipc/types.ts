import type { CatalogNode, SkippedRow } from '../domain/catalog';
import type { SheetField } from '../domain/ledger-sheet/fields';
import type { Period } from '../domain/period';
import type { KindCounts } from '../domain/status';
import type { RequirementProgress } from '../domain/requirement-progress';
import type { CriterionStatus, MaterialKind } from '../domain/value-sets';
import type { Caption } from '../domain/caption';
import type { CheckResult, Finding, RiskCount } from '../domain/rules/types';
import type { RuleProfile } from '../schemas/rule-profile';
import type { ScopeReason, ScopeStepRow } from '../domain/scope';
import type { UnitKind } from '../domain/unit-kind';
import type { CriterionReview, ReviewState } from '../domain/review-state';
import type { ReviewDecision, ReviewLevel } from '../domain/signoff';

/** What the renderer and the CLI know of the open workspace. */
export interface WorkspaceInfo {
  dir: string;
  /** `kind`: which collective 责任单位 (各市直单位, 各街道…) reach the unit. */
  unit: { name: string; aliases: string[]; kind: UnitKind };
  year: number;
  period: Period;
  /** 联系人 and 联系电话 for the package's documents ('' when not set). */
  contact: { name: string; phone: string };
  /** The day of the month the 创城办 collects the month before (月收集); 5 unless a hand-out or 设置 said otherwise. */
  collectionDay: number;
  catalog: { edition: string; name: string | null; importedAt: string; nodes: number; leaves: number } | null;
  /** Leaf criteria the unit answers for. */
  mineLeaves: number;
}

export interface RecentWorkspace {
  dir: string;
  unit: string;
  year: number;
  openedAt: string;
}

/** A criterion as listed: its catalog fields plus what the workspace adds. */
export interface Criterion extends CatalogNode {
  leaf: boolean;
  /** The unit answers for it (preselected from the unit names, editable). */
  mine: boolean;
  /** The user set `mine` by hand; a re-import keeps it. */
  mineSetByUser: boolean;
  /** Why it may be the unit's: its name, or a collective reaching the unit's kind (`catalog:list` only; else null). */
  scopeReason: ScopeReason | null;
  /** No longer in the current catalog edition: kept with what hangs on it, marked 已移除. */
  removed: boolean;
  status: CriterionStatus;
  /** Materials attached, per kind. */
  counts: KindCounts;
  /**
   * How far each requirement is met, counted as the 体检 counts (only what can score; a 每月 requirement in every
   * month due): the counters "实景图片 2/3" and `status` both come from it, so the ledger and 体检 agree.
   */
  progress: RequirementProgress[];
  /** Declared 不属本单位职责: the statement travels with the package and the status is not-applicable. */
  declaration: Declaration | null;
  /**
   * The latest valid review at each level (`{"leader", "principal"}`, each null or `{"decision", "signer", "at",
   * "stale"}`); null for a parent node.
   */
  review: CriterionReview | null;
  /** What the screens say of the review (待审改, 已审改, 已审阅把关, 退回, 已失效); null for a parent node. */
  reviewState: ReviewState | null;
}

/** A leader who reviews (设置 → 审核人; `wangbao signer list`). */
export interface SignerInfo {
  name: string;
  level: ReviewLevel;
  /** Hex SHA-256 of the public key (SPKI DER). */
  fingerprint: string;
  retired: boolean;
  createdAt: string;
  /** The sealed private key is in this workspace (false: the leader keeps it on their own PC). */
  keyHere: boolean;
  /** Too many wrong 口令: no try before this time. */
  lockedUntil: string | null;
}

/** One row of the audit log (设置 → 操作记录). */
export interface AuditRow {
  id: number;
  /** ISO 8601 (UTC), as logged. */
  at: string;
  action: string;
  details: unknown;
  /** The criteria the change is about, read from its details. */
  criteria: string[];
}

/** One review as recorded (`wangbao review`, 审核). */
export interface ReviewResult {
  criterionCode: string;
  level: ReviewLevel;
  decision: ReviewDecision;
  contentSha256: string;
}

export interface Declaration {
  statement: string;
  declaredAt: string;
}

export interface CatalogImportResult {
  edition: string;
  nodes: number;
  leaves: number;
  skipped: SkippedRow[];
  removedCodes: string[];
  /** The catalog names another year than the workspace's (its edition, deadlines outside the period). */
  warnings: string[];
}

export interface ScopeResult {
  updated: string[];
  unknown: string[];
}

export interface AppInfo {
  version: string;
  /** Where new workspaces go unless the user picks another folder (e.g. 文档/网报通). */
  defaultWorkspaceRoot: string;
  /** The path separator of the host, for showing and joining paths in the UI. */
  pathSeparator: '/' | '\\';
}

/** What an import would do, shown before anything is written (the mapping preview screen). */
export interface CatalogPreview {
  file: string;
  kind: 'json' | 'xlsx';
  edition: string;
  name: string | null;
  /** Spreadsheets: the sheets, the one read, its header row (1-based), header cells and the mapping in use. */
  sheets: string[];
  sheet: string | null;
  headerRow: number | null;
  headers: { column: string; text: string }[];
  /** Field (shared/domain/ledger-sheet/fields.ts) → column letter. */
  mapping: Partial<Record<SheetField, string>>;
  nodes: CatalogNode[];
  leaves: number;
  skipped: SkippedRow[];
  /** Faults that block the import (no level column, duplicate codes, a cycle). */
  errors: string[];
  /** What does not block it but must not pass unseen (another year than the workspace's). */
  warnings: string[];
  /** The scope step: every leaf, with why it may be the unit's (its name, a collective by kind, one to judge). */
  scope: ScopeProposal[];
  /** Nothing in the catalog reaches the unit: every criterion is preselected (the officer narrows it down). */
  scopeAll: boolean;
  /** The workspace unit's kind the collectives were matched against. */
  unitKind: UnitKind;
}

/**
 * A leaf of the preview's scope step: why it may be the unit's (`none`: nothing reaches it), and whether it is
 * preselected (named, collective) or the officer's own choice from an earlier import (kept).
 */
export type ScopeProposal = ScopeStepRow;

/** A material as listed: a blob attached to a criterion, with what the user gave and what intake read. */
export interface Material {
  id: string;
  criterionCode: string;
  kind: MaterialKind;
  title: string;
  caption: Caption | null;
  eventDate: string | null;
  month: string;
  fileName: string;
  sha256: string;
  bytes: number;
  facts: Record<string, unknown>;
}

export interface AttachResult {
  file: string;
  status: 'added' | 'duplicate' | 'skipped' | 'refused';
  materialId: string | null;
  sha256: string | null;
  /** Other criteria that hold the same file. */
  alsoOn: string[];
  reason: string | null;
}

/** What importing 往年材料 did. */
export interface ReferenceImportResult {
  year: number;
  /** Files newly on record for that year. */
  added: number;
  /** Files already on record for that year. */
  known: number;
  skipped: { file: string; reason: string }[];
}

export interface ReferenceYear {
  year: number;
  files: number;
  importedAt: string;
}

/** A check of the workspace (the 体检), with the profile it ran under. */
export interface CheckReport extends CheckResult {
  ruleProfile: { name: string; sha256: string; origin: ProfileInForce['origin'] };
}

/**
 * What the open workspace's screens show, read in one call: the header's info, the criteria as the ledger shows
 * them and the 体检 of the same moment (so counters, status and risks always agree).
 */
export interface LedgerState {
  workspace: WorkspaceInfo;
  criteria: Criterion[];
  report: CheckReport;
}

/** The rule profile the checker uses now. */
export interface ProfileInForce {
  profile: RuleProfile;
  /** SHA-256 of the profile's canonical JSON (keys sorted): what packages carry as `ruleProfileSha256`. */
  sha256: string;
  /** `default` until a catalog brings one or the user edits it. */
  origin: 'default' | 'catalog' | 'user';
  updatedAt: string | null;
}

/** What `wangbao export` prints and 导出 shows once a package is written and verified. */
export interface PackageExportResult {
  path: string;
  kind: 'monthly' | 'final';
  month: string;
  /** The number of zip entries. */
  files: number;
  bytes: number;
  sha256: string;
  check: { errors: number; warnings: number; pointsAtRisk: number };
}

/** 导出's preview: what a package made now would hold. */
export interface PackagePreview {
  kind: 'monthly' | 'final';
  month: string;
  /** The standard file name (PACKAGE-FORMAT.md). */
  fileName: string;
  criteria: number;
  materials: number;
  /** The materials' bytes (the zip adds the documents and the manifest). */
  bytes: number;
  check: RiskCount;
  /** Error findings: a final package is refused while any remains. */
  blocking: Finding[];
}
