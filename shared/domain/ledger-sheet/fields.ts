/**
 * The columns of a 网上申报材料工作台账 sheet, keyed by the catalog field they fill. `level1`…`level4` are the titles
 * of the tree levels (测评项目 → 测评内容 → 测评标准 → 子标准); the others are catalog fields of the same name.
 */
export const SHEET_FIELDS = {
  seq: { label: '序号', headers: /^(序号|行号|顺序号)$/u },
  code: { label: '编号', headers: /^(编号|指标编号|标准编号|代码|指标代码)$/u },
  level1: { label: '测评项目', headers: /^(测评项目|一级指标|项目|测评大项)$/u },
  level2: { label: '测评内容', headers: /^(测评内容|二级指标|内容)$/u },
  level3: { label: '测评标准', headers: /^(测评标准|三级指标|标准|指标内容|具体标准|测评指标)$/u },
  level4: { label: '子标准', headers: /^(子标准|四级指标|细则|评分细则)$/u },
  methods: { label: '测评方法', headers: /^(测评方法|测评方式|方法|考核方式|评价方法)$/u },
  points: { label: '分值', headers: /^(分值|分数|权重|标准分)$/u },
  requirements: {
    label: '材料要求',
    headers: /^(材料要求|申报材料|佐证材料|材料清单|网报材料|网上申报材料要求|所需材料)$/u,
  },
  leadUnit: { label: '牵头单位', headers: /^(牵头单位|牵头部门)$/u },
  responsibleUnits: { label: '责任单位', headers: /^(责任单位|配合单位|责任部门|承办单位|协办单位)$/u },
  deadline: { label: '完成时限', headers: /^(完成时限|时限|完成时间|报送时间|时间要求|报送时限)$/u },
  frequency: { label: '报送频次', headers: /^(频次|报送频次|频率)$/u },
} as const;
export type SheetField = keyof typeof SHEET_FIELDS;
export const SHEET_FIELD_IDS = Object.keys(SHEET_FIELDS) as SheetField[];
export const LEVEL_FIELDS = ['level1', 'level2', 'level3', 'level4'] as const satisfies readonly SheetField[];

/** A header cell as printed (`测评\n方法`, `分 值`) reduced to its words. */
export function canonicalHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*＊:：]/gu, '')
    .replace(/[（(].*?[)）]$/u, '');
}

/** The field a header cell names, if any. */
export function fieldOfHeader(text: string): SheetField | undefined {
  const h = canonicalHeader(text);
  if (h === '') return undefined;
  return SHEET_FIELD_IDS.find((f) => SHEET_FIELDS[f].headers.test(h));
}

/** `0 → A`, `26 → AA`. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A → 0`, `AA → 26`; undefined for anything that is not a column letter. */
export function columnIndex(letter: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/u.test(letter)) return undefined;
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
