/** The import preview's Chinese text. */
export const M = {
  title: '导入台账 / 测评体系',
  file: '文件',
  edition: '版本名称',
  sheet: '工作表',
  headerRow: '表头所在行',
  mapping: '列对应关系',
  mappingHint: '已按表头自动识别，可逐项修改；“不导入”表示忽略该项。',
  notMapped: '不导入',
  summary: (nodes: number, leaves: number) => `将导入 ${nodes} 条，其中末级测评标准 ${leaves} 条。`,
  errorsTitle: '无法导入，请先处理以下问题',
  skippedTitle: (n: number) => `有 ${n} 行无法放入目录（不会导入）`,
  warningsTitle: '请注意',
  untypedTitle: (n: number) => `有 ${n} 条材料要求未能识别材料类型：请选择类型（不选则按“其他”计数）`,
  untypedHint: '这些要求不会丢失，原文保留。所选类型在以后导入同一要求时沿用。',
  scopeTitle: '本单位负责的标准',
  scopeSummary: (named: number, collective: number, unplaced: number, kind: string) =>
    `按单位名称预选 ${named} 条；按集体责任（本单位类别：${kind}）预选 ${collective} 条` +
    (unplaced > 0 ? `；另有 ${unplaced} 条写的是无法判断的集体单位，未预选，请逐条确认。` : '。') +
    '可在此勾选或取消，导入后也可在台账中修改。',
  scopeAll:
    '台账中没有找到本单位的名称或适用的集体责任，已预选全部标准。请取消不属于本单位的标准，或导入后在台账中调整。',
  scopeMine: '本单位负责',
  collective: '集体责任',
  named: '本单位',
  scopeUnnamed: (kind: string) =>
    `台账的牵头/责任单位中没有本单位的名称（或别名），只按集体责任和本单位类别（${kind}）预选。如本单位名称写法不同，请在“设置”中补充别名，或在此逐条勾选。`,
  unplaced: '待确认',
  setByUser: '已手动设置',
  row: (r: number) => `第 ${r} 行`,
  tree: '将建立的目录',
  confirm: '确认导入',
  cancel: '取消',
  nothingWritten: '确认之前不会写入任何内容。',
};
