import type { Caption } from '../caption';
import type { Period } from '../period';
import type { Requirement } from '../requirements';
import type { RequirementProgress } from '../requirement-progress';
import type { CheckResult } from '../rules/types';
import type { CriterionStatus, MaterialKind, Method } from '../value-sets';
import type { Audit, Review, Signer } from '../../schemas/signoff';

/** What goes into a package, decided once and read by the manifest, the PDFs, the 台账 and the zip. */
export interface PackageContent {
  kind: 'monthly' | 'final';
  /** The collection month it answers (monthly) or the month it was made (final). */
  month: string;
  /** Local timestamp with offset. */
  createdAt: string;
  app: { name: string; version: string };
  unit: { id: string; name: string };
  year: number;
  period: Period;
  catalog: { id: string; edition: string; name: string | null; sha256: string };
  ruleProfileSha256: string;
  /** The leaf criteria the package answers for, in catalog order. */
  criteria: PackageCriterion[];
  /** Every live material, in criterion then attachment order. */
  materials: PackageMaterial[];
  check: CheckResult;
  /** The leaders' sign-off as the manifest carries it (`signers`, `reviews`, `audit`). */
  signoff: PackageSignoff;
  /** What the documents print beyond the manifest; never written to manifest.json. */
  documents: DocumentFacts;
}

/** The manifest's sign-off fields (PACKAGE-FORMAT.md, "Sign-off"). */
export interface PackageSignoff {
  /** Every key that signed a review in the package, or `manifest.sig`. */
  signers: Signer[];
  /** Per criterion and level, the latest valid review. */
  reviews: Review[];
  /** The workspace's audit log: its length and the hash of its last row. */
  audit: Audit;
}

/** What the root documents (目录, 签批单, 台账, 校验报告) need that the manifest does not carry. */
export interface DocumentFacts {
  /** 联系人 and 联系电话 from the workspace settings ('' when not set: the documents leave a line to write on). */
  contact: { name: string; phone: string };
  /** Per code of `criteria`: where it sits in the catalog and its 台账 fields. */
  criteria: Record<string, CriterionSheet>;
  /** Per material id: the file's name as the officer added it (the package names it by its path). */
  originalNames: Record<string, string>;
}

/** A criterion's catalog fields as the 创城办's 台账 lays them out. */
export interface CriterionSheet {
  /** Its ancestors from the top level down (测评项目, 测评内容, then any level above a 子标准). */
  ancestors: { code: string; label: string | null; title: string }[];
  label: string | null;
  /** 序号 as the 台账 wrote it (normalised), null when it had none. */
  seq: string | null;
  text: string;
  methods: Method[];
  requirements: Requirement[];
  leadUnit: string | null;
  responsibleUnits: string[];
  /** 完成时限 as the catalog gives it (its text, else its due date), or null. */
  deadline: string | null;
  /** Live materials per kind. */
  counts: Partial<Record<MaterialKind, number>>;
  /** Its requirements' progress as the 体检 counts it (what can score, month by month): what 完成情况 says is missing. */
  progress: RequirementProgress[];
}

export interface PackageCriterion {
  code: string;
  title: string;
  points: number | null;
  status: CriterionStatus;
  declaration: { statement: string; declaredAt: string } | null;
}

export interface PackageMaterial {
  id: string;
  criterionCode: string;
  kind: MaterialKind;
  title: string;
  caption: Caption | null;
  eventDate: string | null;
  month: string;
  /** Its path in the zip (shared/domain/naming). */
  path: string;
  sha256: string;
  bytes: number;
  /** For the 目录: a PDF's page count, 1 for an image, null when unknown. */
  pages: number | null;
}

export const KIND_LABEL = { monthly: '月报', final: '正式' } as const;

/** `{year}_{unit}_{YYYYMM}_{月报|正式}.zip`, the file name PACKAGE-FORMAT.md gives a package (before making it safe). */
export function packageFileName(c: Pick<PackageContent, 'year' | 'unit' | 'month' | 'kind'>): string {
  return `${c.year}_${c.unit.name}_${c.month.replace('-', '')}_${KIND_LABEL[c.kind]}.zip`;
}
