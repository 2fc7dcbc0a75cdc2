import type { Draft, Rule } from './types';

/**
 * `not-reviewed`: every criterion with materials, until leader sign-off exists in the app (the review issue
 * replaces this with the criteria that lack a valid approval).
 */
export const reviewRules: Rule = (x) => {
  if (x.signOffAvailable) return [];
  const out: Draft[] = [];
  for (const c of x.criteria)
    if ((x.byCriterion.get(c.code)?.length ?? 0) > 0)
      out.push({
        ruleId: 'not-reviewed',
        criterionCode: c.code,
        materialId: null,
        file: null,
        message: '材料尚未经分管领导审改、主要负责同志审阅把关。报送前请领导审核。',
        fix: null,
      });
  return out;
};
