import { inPeriod } from '../period';
import { aboutMaterial, daysApart } from './draft';
import type { Draft, Rule } from './types';

/**
 * `date-missing`, `date-outside-period` (the event date and, for photos, the EXIF date, each against the period)
 * and `caption-date-mismatch` (the caption's or the event date against the EXIF date, more than N days apart).
 */
export const dateRules: Rule = (x) => {
  const out: Draft[] = [];
  const { start, end } = x.period;
  const outside = (d: string): boolean => !inPeriod(d, x.period);
  for (const m of x.materials) {
    const exif = m.facts.exifDate ?? null;
    if (m.eventDate === null)
      out.push(
        aboutMaterial(
          m,
          'date-missing',
          '没有填写形成日期或活动日期，无法证明材料在测评周期内。请编辑这份材料，补上日期（用 wangbao attach 添加时可用 --date 给出）。',
          'edit',
        ),
      );
    const wrong = outsideDates(m.eventDate !== null && outside(m.eventDate) ? m.eventDate : null, exif, outside);
    if (wrong)
      out.push(
        aboutMaterial(
          m,
          'date-outside-period',
          `${wrong}不在测评周期（${start} 至 ${end}）内，这份材料不会被计分。请换用周期内的材料；日期填错的请改正。`,
          'replace',
        ),
      );
    if (exif === null) continue;
    const days = x.t.captionDateMaxDays;
    const claims: [string, string | null | undefined][] = [
      ['图片说明中的日期', m.caption?.date],
      ['活动日期', m.eventDate],
    ];
    const clash = claims.find(([, d]) => d && daysApart(d, exif) > days);
    if (clash)
      out.push(
        aboutMaterial(
          m,
          'caption-date-mismatch',
          `${clash[0]} ${clash[1]} 与照片的拍摄时间 ${exif.slice(0, 10)} 相差超过 ${days} 天，评审会怀疑不是该次活动的照片。请核对说明和日期。`,
          'edit',
        ),
      );
  }
  return out;
};

/**
 * Which dates fall outside the period, each said once: `日期 2025-10-30`, `照片拍摄时间 2024-05-01`, both joined, or
 * — the usual case, the event date taken from the EXIF — `日期和照片拍摄时间 2008-05-30`. Null when none does.
 */
function outsideDates(eventDate: string | null, exif: string | null, outside: (d: string) => boolean): string | null {
  const shot = exif !== null && outside(exif) ? exif.slice(0, 10) : null;
  if (eventDate !== null && eventDate.slice(0, 10) === shot) return `日期和照片拍摄时间 ${shot} `;
  const wrong = [eventDate && `日期 ${eventDate}`, shot && `照片拍摄时间 ${shot}`].filter(Boolean);
  return wrong.length > 0 ? `${wrong.join('、')} ` : null;
}
