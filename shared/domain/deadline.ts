import type { Frequency } from './value-sets';
import { isIsoDate } from './period';

/**
 * Reads a 完成时限 as printed (`每月5日前`, `2025年10月31日前`, `每季度末`, `常态`) into a due date (when the text names
 * one day) and a frequency (when it names a rhythm). The text itself is always kept beside them.
 */
export function parseDeadline(text: string): { dueDate: string | null; frequency: Frequency | null } {
  const s = text.normalize('NFKC').replace(/\s+/gu, '');
  return { dueDate: dueDateOf(s), frequency: frequencyOf(s) };
}

function dueDateOf(s: string): string | null {
  const m = /(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?/u.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const FREQUENCY_WORDS: [RegExp, Frequency][] = [
  [/每月|按月|月度|逐月/u, 'monthly'],
  [/每季|季度|按季/u, 'quarterly'],
  [/每年|年度|按年|每半年/u, 'yearly'],
  [/常态|长期|日常|持续|随时/u, 'ongoing'],
  [/一次性|一次/u, 'once'],
];

function frequencyOf(s: string): Frequency | null {
  for (const [re, f] of FREQUENCY_WORDS) if (re.test(s)) return f;
  return null;
}
