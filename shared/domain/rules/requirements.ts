import { MATERIAL_KINDS } from '../value-sets';
import type { Draft, Rule } from './types';

/**
 * `no-materials` and `requirement-unmet`, on every leaf that needs material and is the unit's (or already has
 * materials), unless declared 不属本单位职责 or removed from the catalog. Nothing attached at all is one
 * `no-materials`, not one finding per kind.
 */
export const requirementRules: Rule = (x) => {
  const out: Draft[] = [];
  for (const c of x.criteria) {
    if (!c.needsMaterial || c.removed || c.declared) continue;
    const ms = x.byCriterion.get(c.code) ?? [];
    if (ms.length === 0) {
      if (c.mine)
        out.push({
          ruleId: 'no-materials',
          criterionCode: c.code,
          materialId: null,
          file: null,
          message:
            '本条标准由本单位负责，但还没有任何材料，整条分值都可能丢失。请添加材料；确不属于本单位职责的，请写明情况并声明“不属本单位职责”。',
          fix: 'attach',
          full: true,
        });
      continue;
    }
    for (const r of c.requirements) {
      const have = ms.filter((m) => m.kind === r.kind).length;
      if (have >= r.min) continue;
      const label = MATERIAL_KINDS[r.kind];
      out.push({
        ruleId: 'requirement-unmet',
        criterionCode: c.code,
        materialId: null,
        file: null,
        message:
          have === 0
            ? `缺少${label}：本条要求至少 ${r.min} 份，现在一份也没有。缺项会被判为材料不全。`
            : `${label}不足：本条要求至少 ${r.min} 份，现有 ${have} 份，还差 ${r.min - have} 份。`,
        fix: 'attach',
        full: have === 0,
      });
    }
  }
  return out;
};
