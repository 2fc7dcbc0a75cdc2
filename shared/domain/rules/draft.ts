import type { RuleId } from './rule-ids';
import type { CheckMaterial, Draft, FixAction } from './types';

/** A finding about one material, on the criterion it is attached to. */
export function aboutMaterial(m: CheckMaterial, ruleId: RuleId, message: string, fix: FixAction | null): Draft {
  return { ruleId, criterionCode: m.criterionCode, materialId: m.id, file: m.fileName, message, fix };
}

/** Days between two ISO dates (`YYYY-MM-DD`, a longer ISO timestamp is cut to its day), always ≥ 0. */
export function daysApart(a: string, b: string): number {
  if (a.slice(0, 10) === b.slice(0, 10)) return 0; // the common case: the caption gives the day the photo was taken
  return Math.abs(dayNumber(a) - dayNumber(b));
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export const isPhoto = (m: CheckMaterial): boolean => m.kind === 'photo' && m.facts.mime.startsWith('image/');
export const isPdf = (m: CheckMaterial): boolean => m.facts.mime === 'application/pdf';
