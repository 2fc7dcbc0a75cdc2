import { inPeriod, type Period } from '../period';
import type { CountedMaterial } from '../requirement-progress';
import type { CheckMaterial } from './types';

/**
 * Whether a material can earn points at all, so that it makes up a requirement's number: not a file dated outside
 * the period (its event date, or a photo's EXIF date), not a screenshot filed as a 实景图片, not a PDF that is
 * encrypted or cannot be opened. Returns the reason it cannot, or null when it can.
 */
export function whyNotScoring(m: Pick<CheckMaterial, 'kind' | 'eventDate' | 'facts'>, period: Period): string | null {
  // No closure here: it runs for every material of every check (20,000 at a time).
  if (m.eventDate !== null && !inPeriod(m.eventDate, period)) return '日期不在测评周期内';
  if (m.kind === 'photo' && m.facts.exifDate && !inPeriod(m.facts.exifDate, period)) return '拍摄时间不在测评周期内';
  if (m.kind === 'photo' && m.facts.screenshotLike === true) return '是截图而不是实景照片';
  if (m.facts.mime === 'application/pdf' && (m.facts.encrypted === true || m.facts.readable === false))
    return 'PDF 加密或无法打开';
  return null;
}

/** A material as the requirement count sees it: what it is, when it counts, and whether it can score at all. */
export function countedMaterial(
  m: Pick<CheckMaterial, 'kind' | 'month' | 'eventDate' | 'facts'>,
  period: Period,
): CountedMaterial {
  return { kind: m.kind, month: m.month, eventDate: m.eventDate, scores: whyNotScoring(m, period) === null };
}
