import type { RuleId } from './rule-ids';
import type { CheckMaterial, Draft, FixAction } from './types';

/** A finding about one material, on the criterion it is attached to. */
export function aboutMaterial(m: CheckMaterial, ruleId: RuleId, message: string, fix: FixAction | null): Draft {
  return { ruleId, criterionCode: m.criterionCode, materialId: m.id, message, fix };
}

/** Days between two ISO dates (`YYYY-MM-DD`, a longer ISO timestamp is cut to its day), always ≥ 0. */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

export const isPhoto = (m: CheckMaterial): boolean => m.kind === 'photo' && m.facts.mime.startsWith('image/');
export const isPdf = (m: CheckMaterial): boolean => m.facts.mime === 'application/pdf';
