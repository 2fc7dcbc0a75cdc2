import { aboutMaterial, daysApart } from './draft';
import type { Draft, Rule } from './types';

/**
 * `date-missing`, `date-outside-period` (the event date and, for photos, the EXIF date, each against the period)
 * and `caption-date-mismatch` (the caption's or the event date against the EXIF date, more than N days apart).
 */
export const dateRules: Rule = (x) => {
  const out: Draft[] = [];
  const { start, end } = x.period;
  const outside = (d: string): boolean => d.slice(0, 10) < start || d.slice(0, 10) > end;
  for (const m of x.materials) {
    const exif = m.facts.exifDate ?? null;
    if (m.eventDate === null)
      out.push(
        aboutMaterial(
          m,
          'date-missing',
          '没有填写形成日期或活动日期，无法证明材料在测评周期内。请在“编辑”中补上日期。',
          'edit',
        ),
      );
    const wrong: string[] = [];
    if (m.eventDate !== null && outside(m.eventDate)) wrong.push(`日期 ${m.eventDate}`);
    if (exif !== null && outside(exif)) wrong.push(`照片拍摄时间 ${exif.slice(0, 10)}`);
    if (wrong.length > 0)
      out.push(
        aboutMaterial(
          m,
          'date-outside-period',
          `${wrong.join('、')}不在测评周期（${start} 至 ${end}）内，这份材料不会被计分。请换用周期内的材料；日期填错的请改正。`,
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
