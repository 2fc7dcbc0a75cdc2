import { z } from 'zod';
import { RULE_IDS, RULES, type RuleId } from '../domain/rules/rule-ids';

/**
 * The rule profile (format 1): thresholds, accepted file types, size limits, severities and the points model of
 * the checker. It ships with a catalog (`ruleProfile` in the catalog file) and is editable in 设置; every field has
 * a default (`defaultRuleProfile()`), so a profile may give only what it changes. Documented in the README.
 */
const Severity = z.enum(['error', 'warning', 'info']);
const Fraction = z.number().min(0).max(1);

export const RuleSettings = z.object({
  enabled: z.boolean().optional(),
  severity: Severity.optional(),
  /** The share of its criterion's points one finding puts at risk (0..1). */
  fraction: Fraction.optional(),
});

export const Thresholds = z.object({
  /** Caption or event date vs the photo's EXIF date: more days apart than this is a mismatch. */
  captionDateMaxDays: z.number().int().min(0).max(366).default(3),
  /** The caption elements every photo caption must name (时间、地点、人物、主题、事由). */
  captionElements: z
    .array(z.enum(['date', 'place', 'people', 'subject', 'reason']))
    .max(5)
    .default(['date', 'place', 'people', 'subject']),
  /** A photo whose long edge is shorter (in pixels, upright) is too small. */
  photoMinLongEdge: z.number().int().min(0).max(20_000).default(1024),
  /** Sharpness (variance of the Laplacian at 512 px) below this is blurry. Sharp photos score in the hundreds. */
  photoMinSharpness: z.number().min(0).max(100_000).default(100),
  /** Estimated JPEG quality below this is over-compressed. */
  photoMinJpegQuality: z.number().int().min(0).max(100).default(50),
  /** pHash distance (bits of 64) at or below which two different photos are near-duplicates. At most 12 are stored. */
  nearDuplicateMaxDistance: z.number().int().min(0).max(12).default(10),
  /** A 情况说明 with fewer characters (Chinese characters and words) is too short. */
  statementMinChars: z.number().int().min(0).max(100_000).default(300),
  /** A 情况说明 must give at least this many figures (numbers with or without units). */
  statementMinFigures: z.number().int().min(0).max(1_000).default(3),
  /** Content types a package may carry (`image/jpeg`…); others are `file-type-not-accepted`. */
  acceptedTypes: z
    .array(z.string().min(1).max(200))
    .max(100)
    .default([
      'image/jpeg',
      'image/png',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'video/mp4',
    ]),
  /** Largest file, in MB, per family: videos are allowed more. */
  maxFileMb: z.number().min(0.1).max(100_000).default(20),
  maxVideoMb: z.number().min(0.1).max(100_000).default(200),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const RuleProfileFile = z.object({
  format: z.literal('wangbao-rule-profile').default('wangbao-rule-profile'),
  formatVersion: z.literal(1).default(1),
  name: z.string().max(200).default('默认规则'),
  thresholds: Thresholds.default(Thresholds.parse({})),
  rules: z.partialRecord(z.enum(RULE_IDS as [RuleId, ...RuleId[]]), RuleSettings).default({}),
});
export type RuleProfileFile = z.input<typeof RuleProfileFile>;

/** A complete profile: every threshold and every rule's settings resolved. */
export interface RuleProfile {
  format: 'wangbao-rule-profile';
  formatVersion: 1;
  name: string;
  thresholds: Thresholds;
  rules: Record<RuleId, { enabled: boolean; severity: z.infer<typeof Severity>; fraction: number }>;
}

/** Fills every default into a validated profile (the form that is stored, hashed and shown). */
export function resolveProfile(input: z.output<typeof RuleProfileFile>): RuleProfile {
  const rules = Object.fromEntries(
    RULE_IDS.map((id) => {
      const own = input.rules[id] ?? {};
      const d = RULES[id];
      return [
        id,
        { enabled: own.enabled ?? true, severity: own.severity ?? d.severity, fraction: own.fraction ?? d.fraction },
      ];
    }),
  ) as RuleProfile['rules'];
  return {
    format: input.format,
    formatVersion: input.formatVersion,
    name: input.name,
    thresholds: input.thresholds,
    rules,
  };
}

/** The documented defaults. */
export function defaultRuleProfile(): RuleProfile {
  return resolveProfile(RuleProfileFile.parse({}));
}
