import { describe, expect, it } from 'vitest';
import type { Block, Doc } from '@shared/domain/package/blocks';
import { docText } from '@shared/domain/package/blocks';
import { indexDocument, reportDocument, reportJson, signOffDocument } from '@shared/domain/package/documents';
import { A4, layoutDoc, layoutProblems, type Layout, type Metrics } from '@shared/domain/package/layout';
import { LEDGER_KINDS, ledgerRows } from '@shared/domain/package/ledger-rows';
import { breakClasses, wrapText } from '@shared/domain/package/line-break';
import { syntheticContent } from '../helpers/package-content';

/** Chinese 1 em, the rest 0.55 em; the serif lacks one rare character (the sans backs it up). */
const wide = (ch: string): boolean => ch.codePointAt(0)! >= 0x2e80;
const metrics: Metrics = {
  advance: (_face, ch) => (wide(ch) ? 1 : 0.55),
  has: (face, ch) => face === 'sans' || ch !== '𠀾',
};
const w = (ch: string): number => metrics.advance('sans', ch);
/** From the narrowest column the documents have (about 4 em: 类型, 页数) to a wide one. */
const widths = Array.from({ length: 40 }, (_, i) => 5 + i * 0.5);

describe('line breaking', () => {
  it('never breaks inside a number or between a number and its unit (the “2 / 分” of the old 目录)', () => {
    for (const text of [
      '3.1.2 劳动教育与研学实践（2 分，进行中）',
      '共 15 份材料，预计失分 1.5 分',
      '第 12 页 共 66 页',
    ])
      for (const max of widths) {
        const lines = wrapText(text, max, w);
        for (let i = 0; i + 1 < lines.length; i++) {
          expect(`${lines[i]}|${lines[i + 1]}`, `${text} at ${max}`).not.toMatch(/\d\|\s*[分份页]/u);
          expect(`${lines[i]}|${lines[i + 1]}`).not.toMatch(/\d\|[\d.]/u);
          expect(`${lines[i]}|${lines[i + 1]}`).not.toMatch(/第\|/u);
        }
      }
  });

  it('keeps dates whole: 2026-03-12 and 2026年3月12日', () => {
    for (const text of ['形成日期 2026-03-12 至 2026-10-31', '测评周期：2025年11月1日至2026年10月31日。'])
      for (const max of widths.filter((m) => m >= 8)) {
        const lines = wrapText(text, max, w);
        for (const date of ['2026-03-12', '2026-10-31', '2025年11月1日', '2026年10月31日'])
          if (text.includes(date))
            expect(
              lines.some((l) => l.includes(date)),
              `${date} at ${max}: ${lines.join('|')}`,
            ).toBe(true);
      }
  });

  it('never leaves a file extension alone on a line', () => {
    for (const name of [
      '01_libreoffice-writer-password.pdf',
      '01_家长学校.jpg',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.docx',
    ])
      for (const max of widths) {
        const lines = wrapText(name, max, w);
        const last = lines.at(-1)!;
        expect(last.length, `${name} at ${max}: ${lines.join('|')}`).toBeGreaterThan(last.lastIndexOf('.') + 0);
        expect(last.indexOf('.'), `${name} at ${max}: ${lines.join('|')}`).toBeGreaterThanOrEqual(2);
      }
  });

  it('breaks Chinese anywhere but not before closing or after opening punctuation (禁则), and fits the width', () => {
    const text =
      '本条标准由本单位负责，但还没有任何材料，整条分值都可能丢失。请添加材料；确不属于本单位职责的，请写明情况并声明“不属本单位职责”。';
    for (const max of [3, 4, ...widths]) {
      const lines = wrapText(text, max, w);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(l).not.toMatch(/^[，。；”）]/u);
        expect(l).not.toMatch(/[“（]$/u);
        expect([...l].reduce((a, c) => a + w(c), 0)).toBeLessThanOrEqual(max + 1e-9);
      }
    }
  });

  it('breaks a Latin run at a space or after _ - /, inside a word only when nothing else fits', () => {
    expect(wrapText('材料/3.1.2_劳动教育/01_Canon_40D.jpg', 9, w)).toEqual([
      '材料/3.1.2_劳动教',
      '育/01_Canon_',
      '40D.jpg',
    ]);
    expect(wrapText('hello world again', 6, w)).toEqual(['hello', 'world', 'again']);
    const forced = wrapText('x'.repeat(50), 5, w);
    expect(forced.join('')).toBe('x'.repeat(50));
    expect(forced.every((l) => l.length * 0.55 <= 5)).toBe(true);
    expect(breakClasses([...'1.5分'])).toEqual([0, 0, 0, 0]);
  });
});

/** Every text of a layout, page by page, in drawing order. */
const texts = (l: Layout): string[][] =>
  l.pages.map((p) => p.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])));

describe('page layout', () => {
  const table = (rows: number, caption = '时间：2026年3月12日；地点：市一中报告厅'): Block => ({
    t: 'table',
    merge: 1,
    columns: [
      { title: '序号', width: 0.1, align: 'center' },
      { title: '测评标准', width: 0.3 },
      { title: '材料名称', width: 0.6 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      String(i + 1),
      `3.1.${Math.floor(i / 40)} 劳动教育与研学实践`,
      { text: `${String(i + 1).padStart(2, '0')}_现场照片.jpg`, note: caption },
    ]),
  });

  it('keeps every box inside the page and every text inside its cell; repeats the header; continues a merged cell', () => {
    const doc: Doc = { title: 't', blocks: [{ t: 'title', text: '目录' }, table(120)] };
    const l = layoutDoc(doc, metrics);
    expect(layoutProblems(l)).toEqual([]);
    expect(l.pages.length).toBeGreaterThan(2);
    const t = texts(l);
    for (const page of t.slice(1)) expect(page.slice(0, 3)).toEqual(['序号', '测评标准', '材料名称']);
    expect(t.flat().filter((s) => s.includes('（续）')).length).toBeGreaterThan(0);
    // Each row is whole on one page: its three cells (序号 and 材料名称 per row, the merged cell per group).
    const numbers = t.flat().filter((s) => /^\d+$/u.test(s));
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => String(i + 1)));
    l.pages.forEach((p, n) => expect(t[n]!.at(-1)).toBe(`第  ${n + 1}  页  共  ${l.pages.length}  页`));
  });

  it('draws no control or format character (a bell, an escape, a bidi override): they would print as boxes', () => {
    const l = layoutDoc(
      { title: 't', blocks: [{ t: 'para', text: '标题\u0007\u001b[31m红\u0085报告\u202egpj.exe\tA' }] },
      metrics,
    );
    expect(texts(l)[0]![0]).toBe('标题[31m红报告gpj.exe A');
  });

  it('a criterion titled with a thousand characters stays on the page in every document', () => {
    const c = syntheticContent(5, 20, 20);
    const long = '很长的标题'.repeat(200);
    c.criteria[0]!.title = long;
    for (const d of [indexDocument(c), signOffDocument(c), reportDocument(c)])
      expect(layoutProblems(layoutDoc(d, metrics)), d.title).toEqual([]);
  });

  it('cuts a row taller than a page into pieces rather than letting it run off the page', () => {
    const l = layoutDoc({ title: 't', blocks: [table(3, '很长的说明'.repeat(800))] }, metrics);
    expect(layoutProblems(l)).toEqual([]);
    expect(l.pages.length).toBeGreaterThan(2);
  });

  it('draws in the serif only what it has; a heading is kept with the table after it', () => {
    const l = layoutDoc(
      {
        title: 't',
        blocks: [
          { t: 'title', text: '𠀾堃区教育局' },
          { t: 'heading', text: '目录' },
          ...Array.from({ length: 60 }, (): Block => ({ t: 'para', text: '正文' })),
          { t: 'heading', text: '二、尚无材料' },
          table(2),
        ],
      },
      metrics,
    );
    const items = l.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' ? [i] : [])));
    expect(items.find((i) => i.text === '𠀾堃区教育局')!.face).toBe('sans');
    expect(items.find((i) => i.text === '目录')!.face).toBe('serif');
    const page = l.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.text === '二、尚无材料'));
    expect(l.pages[page]!.cells.length).toBeGreaterThan(0);
    expect(docText({ title: 't', blocks: [{ t: 'title', text: '目录' }] }).serif).toBe('目录');
  });
});

describe('the documents', () => {
  const c = syntheticContent(60, 240, 300);

  it('目录: the count in its heading is its rows; no internal status; this month and the others marked', () => {
    const doc = indexDocument(c);
    const tables = doc.blocks.filter((b) => b.t === 'table');
    const headings = doc.blocks.flatMap((b) => (b.t === 'heading' ? [b.text] : []));
    expect(headings[0]).toBe(`一、材料目录（共 ${c.materials.length} 份）`);
    expect(tables[0]!.rows.length).toBe(c.materials.length);
    const without = c.criteria.filter((k) => !c.materials.some((m) => m.criterionCode === k.code)).length;
    if (without > 0) {
      expect(headings[1]).toBe(`二、尚无材料的测评标准（共 ${without} 条）`);
      expect(tables[1]!.rows.length).toBe(without);
    }
    const all = JSON.stringify(doc);
    for (const status of ['进行中', '未开始', '已齐全', '不适用', 'in-progress']) expect(all).not.toContain(status);
    const remarks = tables[0]!.rows.map((r) => r[6]);
    expect(remarks.filter((r) => r === '本月新增').length).toBe(
      c.materials.filter((m) => m.month === '2026-05').length,
    );
    expect(remarks).toContain('计入2026年3月');
    expect(layoutProblems(layoutDoc(doc, metrics))).toEqual([]);
  });

  it('签批单 and 校验报告: counts equal rows; findings by criterion, named by their path in the package', () => {
    const sign = signOffDocument(c);
    expect(sign.blocks.find((b) => b.t === 'table')!.rows.length).toBe(c.criteria.length);
    const report = reportDocument(c);
    const rows = report.blocks.flatMap((b) => (b.t === 'table' ? b.rows : [])).slice(1);
    expect(rows.length).toBe(c.check.findings.length);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    const json = reportJson(c) as {
      summary: object;
      criteria: { criterionCode: string }[];
      findings: { path: string | null; originalName: string | null }[];
    };
    expect(Object.keys(json)[0]).toBe('summary');
    const order = c.criteria.map((k) => k.code);
    const codes = json.criteria.map((g) => g.criterionCode);
    expect(codes).toEqual([...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const withPath = json.findings.filter((f) => f.path);
    expect(withPath.length).toBeGreaterThan(0);
    for (const f of withPath) {
      expect(c.materials.some((m) => m.path === f.path)).toBe(true);
      expect(f.originalName).toMatch(/^IMG_/u);
    }
    for (const d of [sign, report]) expect(layoutProblems(layoutDoc(d, metrics))).toEqual([]);
  });

  it('台账 rows: the levels as keys to merge, counts per kind from the package, 审核情况 left empty', () => {
    const rows = ledgerRows(c);
    // The 台账's own 序号 where it had one (so the office matches rows), the row's place where it had none.
    expect(rows.map((r) => r.seq)).toEqual(
      c.criteria.map((k, i) => {
        const seq = c.documents.criteria[k.code]?.seq ?? null;
        return seq === null ? i + 1 : Number(seq);
      }),
    );
    expect(rows.reduce((a, r) => a + r.total, 0)).toBe(c.materials.length);
    expect(rows.every((r) => r.counts.length === LEDGER_KINDS.length && r.review === '')).toBe(true);
    expect(rows[0]!.project).toEqual({ key: '1', text: '一、测评项目0' });
    expect(rows.find((r) => r.progress.startsWith('不属本单位职责：'))).toBeDefined();
  });
});

describe('A4', () => {
  it('leaves the binding margin on the left', () => {
    expect(A4.margin.left).toBeGreaterThan(A4.margin.right);
  });
});
