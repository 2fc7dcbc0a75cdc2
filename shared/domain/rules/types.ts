import type { Caption } from '../caption';
import type { Period } from '../period';
import type { Requirement } from '../requirements';
import type { MaterialKind, Severity } from '../value-sets';
import type { RuleProfile, Thresholds } from '../../schemas/rule-profile';
import type { RuleId } from './rule-ids';
import type { ReviewState } from '../review-state';

/** A leaf criterion as the checker sees it. */
export interface CheckCriterion {
  code: string;
  title: string;
  /** Its points after sharing a parent's among the leaves (`effectivePoints`); null when the catalog gives none. */
  points: number | null;
  mine: boolean;
  needsMaterial: boolean;
  removed: boolean;
  requirements: Requirement[];
  /** Declared 不属本单位职责 with a statement: not applicable. */
  declared: boolean;
  /** Its leaders' review now (null: never reviewed, as `unreviewed`). */
  review: ReviewState | null;
}

/** What intake read of a material's file (a subset of its facts; absent when not measured). */
export interface CheckFacts {
  mime: string;
  readable?: boolean;
  width?: number;
  height?: number;
  exifDate?: string | null;
  sharpness?: number;
  phash?: string;
  jpegQuality?: number | null;
  screenshotLike?: boolean;
  encrypted?: boolean;
  hasJavaScript?: boolean;
  hasEmbeddedFiles?: boolean;
  hasText?: boolean;
}

export interface CheckMaterial {
  id: string;
  criterionCode: string;
  kind: MaterialKind;
  title: string;
  fileName: string;
  caption: Caption | null;
  eventDate: string | null;
  /** The collection month it counts for (`YYYY-MM`). */
  month: string | null;
  sha256: string;
  bytes: number;
  facts: CheckFacts;
  /** The extracted text of a 情况说明 (null for other kinds or when none could be read). */
  text: string | null;
}

/** A file of an earlier year kept for reference only (往年材料): its hashes, never its bytes. */
export interface ReferenceFile {
  sha256: string;
  phash: string | null;
  year: number;
  fileName: string;
}

/** Everything the rules read: plain data, loaded by core from the workspace (or built by a test). */
export interface CheckInput {
  period: Period;
  /** The months of the period whose collection is due today (`monthsDue`): what a 每月 requirement is counted over. */
  dueMonths: string[];
  profile: RuleProfile;
  /** Leaf criteria in catalog order. */
  criteria: CheckCriterion[];
  /** Live materials in criterion then attachment order (the order of the package). */
  materials: CheckMaterial[];
  /** Pairs of blobs whose perceptual hashes are within 12 bits (found at intake). */
  nearDuplicates: { a: string; b: string; distance: number }[];
  references: ReferenceFile[];
}

/** What a user can do about a finding; the UI turns it into a button. */
export type FixAction = 'attach' | 'declare' | 'edit' | 'optimize' | 'replace' | 'remove';

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  criterionCode: string;
  materialId: string | null;
  /** The material's file name as it was added; null for a finding about the criterion. */
  file: string | null;
  /** Why it would cost points and how to fix it, in plain Chinese. */
  message: string;
  fix: FixAction | null;
  /** The points this finding alone puts at risk (a criterion's total is capped at its points). */
  pointsAtRisk: number;
}

export interface RiskCount {
  errors: number;
  warnings: number;
  infos: number;
  pointsAtRisk: number;
}

export interface CheckResult {
  summary: RiskCount;
  findings: Finding[];
  /** Per criterion code with findings: its counts and its capped points at risk. */
  criteria: Record<string, RiskCount>;
}

/** What a rule returns: the runner adds severity, points and the file name from the profile and the material. */
export interface Draft {
  ruleId: RuleId;
  criterionCode: string;
  materialId: string | null;
  /** The material's file name (null for a finding about the criterion). */
  file: string | null;
  message: string;
  fix: FixAction | null;
  /** The whole of the criterion's points is at risk (a required kind absent, nothing attached). */
  full?: boolean;
}

/** The input with the lookups every rule needs. */
export interface Prepared extends CheckInput {
  t: Thresholds;
  byCode: Map<string, CheckCriterion>;
  byCriterion: Map<string, CheckMaterial[]>;
}

export type Rule = (x: Prepared) => Draft[];
