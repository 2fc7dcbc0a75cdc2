import { REVIEW_LEVELS } from '../signoff';
import type { Draft, Rule } from './types';

/** At most this many changes are named in a `review-stale` message; the detail lists them all. */
const CHANGES_NAMED = 3;

/**
 * The leaders' review (seed 002: 主管负责同志要认真审改，主要负责同志要审阅把关) of every criterion with materials
 * that needs them: `review-returned` when a leader sent it back (their comment is the message), `review-stale`
 * when it was approved and has changed since (what changed is named), `not-reviewed` when it lacks a current
 * approval at both levels. A declared or not-applicable criterion needs none.
 */
export const reviewRules: Rule = (x) => {
  const out: Draft[] = [];
  for (const c of x.criteria) {
    if (!c.needsMaterial || c.declared || c.removed || (x.byCriterion.get(c.code)?.length ?? 0) === 0) continue;
    const r = c.review;
    const base = { criterionCode: c.code, materialId: null, file: null, fix: null };
    if (r?.status === 'approved') continue;
    if (r?.status === 'returned')
      out.push({ ...base, ruleId: 'review-returned', message: `领导退回修改：${r.comment ?? ''}` });
    else if (r?.status === 'stale') {
      const named = r.changes.slice(0, CHANGES_NAMED).join('；');
      const more = r.changes.length > CHANGES_NAMED ? `等 ${r.changes.length} 处` : '';
      out.push({
        ...base,
        ruleId: 'review-stale',
        message: `领导审核后材料有变动（${named}${more}），原审核已失效，需重新审核。`,
      });
    } else
      out.push({
        ...base,
        ruleId: 'not-reviewed',
        message:
          r?.status === 'leader-approved'
            ? `已经${REVIEW_LEVELS.leader}审改，尚待${REVIEW_LEVELS.principal}审阅把关。`
            : `材料尚未经${REVIEW_LEVELS.leader}审改、${REVIEW_LEVELS.principal}审阅把关。请领导在“审核”中审核。`,
      });
  }
  return out;
};
