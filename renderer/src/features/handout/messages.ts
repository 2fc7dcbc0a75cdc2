/** The hand-out import's Chinese text, in one place. */
export const HO = {
  panelTitle: '创城办下发',
  panelIntro:
    '创城办下发的网上申报材料工作台账、要账和重要时间节点（下发包 .zip）。导入前先核对签名并预览变化；把下发包拖到窗口上也可以导入。',
  none: '还没有导入过创城办的下发包。',
  importButton: '导入下发包…',
  office: '创城办',
  fingerprint: '签名指纹',
  sequence: '期次',
  sequenceOf: (n: number) => `第 ${n} 期`,
  issuedAt: '下发时间',
  importedAt: '导入时间',
  unit: '本单位',
  attachments: '附件',
  noAttachments: '无',
  /** The whole fingerprint in groups of 4, eight groups a line: read aloud over the phone with the 创城办. */
  fingerprintText: (fp: string) =>
    (fp.match(/.{1,32}/gu) ?? []).map((line) => (line.match(/.{1,4}/gu) ?? []).join(' ')).join('\n'),
  bytes: (n: number) =>
    n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`,

  previewTitle: '导入创城办下发包',
  firstSight: '初次导入：请与创城办核对指纹',
  firstSightHint: '打电话给创城办，逐组核对上面的签名指纹，一致后再导入。以后的下发包必须由同一密钥签名。',
  keyChanged: '创城办的签名密钥变了',
  keyChangedHint: (previous: string | null) =>
    `这份下发包的签名指纹与上次导入的${previous ? `（${previous}）` : ''}不同。可能是创城办换了电脑或密钥，也可能是他人伪造。请先与创城办核实新指纹。`,
  acceptKey: '我已与创城办核实新指纹，接受新的签名密钥',
  chooseUnit: '本单位在下发包中是哪个单位',
  chooseUnitHint: '单位名称与下发包中的单位都不一致，请选择一次，以后自动记住。',
  issued: (seq: number, at: string, year: number, day: number) =>
    `第 ${seq} 期（${at.slice(0, 10)} 下发）· ${year}年度 · 月收集日每月 ${day} 日`,
  catalog: '测评标准',
  added: '新增',
  changed: '变更',
  removed: '删除',
  removedWithMaterials: '材料保留在已删除的标准下',
  scope: '本单位范围',
  scopeAdded: '划入本单位',
  scopeRemoved: '移出本单位',
  requests: '要账',
  requestsNew: '新增',
  requestsUpdated: '更新',
  requestsClosed: '销号',
  skipped: '跳过',
  keyDates: '重要时间节点',
  count: (n: number) => `${n} 条`,
  nothing: '无变化',
  confirm: '确认导入',
  cancel: '取消',
  done: '已导入创城办下发包',
  doneText: (office: string, seq: number, added: number, reqs: number, keyDates: number) =>
    `${office} ${`第 ${seq} 期`}：新增标准 ${added} 条，新增要账 ${reqs} 条，重要时间节点 ${keyDates} 个。`,
  refused: '未导入',
  dropHint: '拖到窗口上的文件不是下发包（.zip）。材料请拖到台账中某条测评标准的材料区。',
} as const;

/** Codes listed in a line, the first `max` of them and how many more. */
export function codeList(codes: string[], max = 12): string {
  return codes.length <= max ? codes.join('、') : `${codes.slice(0, max).join('、')} 等 ${codes.length} 条`;
}
