import { parseCaption } from '@shared/domain/caption';
import type { CheckCriterion, CheckFacts, CheckInput, CheckMaterial } from '@shared/domain/rules/types';
import { defaultRuleProfile } from '@shared/schemas/rule-profile';

/** A leaf criterion for rule tests: the unit's, online, 2 points, asking for 2 photos, reviewed. */
export function criterion(code: string, over: Partial<CheckCriterion> = {}): CheckCriterion {
  return {
    code,
    title: `标准 ${code}`,
    points: 2,
    mine: true,
    needsMaterial: true,
    removed: false,
    requirements: [{ kind: 'photo', min: 2, text: '图片不少于2张' }],
    declared: false,
    // Approved at both levels, so a rule's test sees only its own findings (the review rules' tests say otherwise).
    review: { status: 'approved', comment: null, changes: [], invalid: 0 },
    ...over,
  };
}

let n = 0;

/**
 * A material with facts that pass every rule (a sharp 4000×3000 camera JPEG, dated, with a full caption), unless
 * `over` says otherwise. `facts` is merged into the passing facts.
 */
export function material(
  criterionCode: string,
  over: Partial<Omit<CheckMaterial, 'facts'>> & { facts?: Partial<CheckFacts> } = {},
): CheckMaterial {
  n++;
  const { facts, ...rest } = over;
  return {
    id: `m${n}`,
    criterionCode,
    kind: 'photo',
    title: `照片${n}`,
    fileName: `IMG_${n}.jpg`,
    caption: parseCaption('时间：2026年3月12日；地点：市一中报告厅；人物：全体教师；主题：师德师风专题学习'),
    eventDate: '2026-03-12',
    month: '2026-03',
    sha256: `sha${n}`.padEnd(64, '0'),
    bytes: 3_000_000,
    text: null,
    ...rest,
    facts: {
      mime: 'image/jpeg',
      readable: true,
      width: 4000,
      height: 3000,
      exifDate: '2026-03-12T09:30:00',
      sharpness: 850,
      phash: n.toString(16).padStart(16, '0'),
      jpegQuality: 92,
      screenshotLike: false,
      ...facts,
    },
  };
}

/** A check input over the default profile and the 2026 period (no month's collection due yet). */
export function checkInput(
  criteria: CheckCriterion[],
  materials: CheckMaterial[],
  over: Partial<CheckInput> = {},
): CheckInput {
  return {
    period: { start: '2025-11-01', end: '2026-10-31' },
    dueMonths: [],
    profile: defaultRuleProfile(),
    criteria,
    materials,
    nearDuplicates: [],
    references: [],
    ...over,
  };
}
