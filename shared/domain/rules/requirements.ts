import { requirementProgress } from '../requirement-progress';
import { filesNeeded, PER_LABELS } from '../requirements';
import { MATERIAL_KINDS } from '../value-sets';
import { countedMaterial } from './scoring';
import type { Draft, Rule } from './types';

/**
 * `no-materials` and `requirement-unmet`, on every leaf that needs material and is the unit's (or already has
 * materials), unless declared 不属本单位职责 or removed from the catalog. Nothing attached at all is one
 * `no-materials`, not one finding per kind. Requirements are counted by `requirementProgress` — the ledger's own
 * count — over the materials that can score, so a file outside the period does not make up the number.
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
    const counted = ms.map((m) => countedMaterial(m, x.period));
    for (const p of requirementProgress(c.requirements, counted, x.dueMonths)) {
      if (p.met) continue;
      const r = p.requirement;
      const what = r.kind === 'other' ? `“${r.text}”` : MATERIAL_KINDS[r.kind];
      const group = r.groupSize ? `（${r.min} 组，每组 ${r.groupSize} 份）` : '';
      const asked = r.per
        ? `${PER_LABELS[r.per]}至少 ${filesNeeded(r)} 份${group}，到目前共需 ${p.need} 份`
        : `至少 ${p.need} 份${group}`;
      const owned = p.have + p.notScoring;
      const tail = p.notScoring > 0 ? `现有 ${owned} 份，其中 ${p.notScoring} 份不计分` : `现有 ${p.have} 份`;
      out.push({
        ruleId: 'requirement-unmet',
        criterionCode: c.code,
        materialId: null,
        file: null,
        message:
          p.have === 0 && p.notScoring === 0
            ? `缺少${what}：本条要求${asked}（“${r.text}”），现在一份也没有。缺项会被判为材料不全。`
            : `${what}不足：本条要求${asked}（“${r.text}”），${tail}，还差 ${p.need - p.have} 份。`,
        fix: 'attach',
        full: p.have === 0,
      });
    }
  }
  return out;
};
