/** The criterion detail's own Chinese text (the ledger's shared wording stays in messages.ts). */
export const D = {
  /** The tag at the top that scrolls to the findings: counts by severity (as the 体检 view counts) and points. */
  findingsTag: (r: { errors: number; warnings: number; infos: number; points: number }) =>
    [
      r.errors > 0 && `错误 ${r.errors}`,
      r.warnings > 0 && `警告 ${r.warnings}`,
      r.infos > 0 && `提示 ${r.infos}`,
      r.points > 0 && `预计失分 ${r.points} 分`,
    ]
      .filter(Boolean)
      .join(' · '),
  findingsTagHint: '查看本条的体检发现和改法',
  mineSetByUser: '已手动设置',
  mineDerived: '按牵头/责任单位自动判断',
  mineCollective: (term: string, kind: string) => `集体责任：台账写的是“${term}”，本单位类别为${kind}`,
};
