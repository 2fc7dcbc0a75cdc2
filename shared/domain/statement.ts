/**
 * Measures of a 情况说明's text for the checker. The sources name "written as a summary, with no measures, results or
 * figures" as a cause of lost points; these are the plain signals of each.
 */

const isCjk = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Chinese characters count one each, other words (runs with a letter, digit or `_`, between spaces or Chinese
 * characters) one each — how WPS and Word count 字数. One pass over the text: statements can be long.
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  let wordHasChar = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      n++;
      if (wordHasChar) n++;
      inWord = wordHasChar = false;
    } else if (c <= 32 || c === 0x3000) {
      if (wordHasChar) n++;
      inWord = wordHasChar = false;
    } else {
      inWord = true;
      wordHasChar ||= isWordChar(c);
    }
  }
  return inWord && wordHasChar ? n + 1 : n;
}

/**
 * Figures given in the text: Arabic numbers (`12`, `3.5`, `95%`, `1,200`) and Chinese counts with a unit
 * (`三次`, `十余场`). Dates and document numbers (`2025年`, `〔2025〕3号`) are not figures about the work.
 */
export function countFigures(text: string): number {
  const s = text
    .normalize('NFKC')
    .replace(/\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?/gu, ' ')
    .replace(/\d{1,2}\s*月\s*\d{1,2}\s*日/gu, ' ')
    .replace(/[〔[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号/gu, ' ');
  const arabic = s.match(/\d[\d,]*(?:\.\d+)?\s*%?/gu)?.length ?? 0;
  const chinese =
    s.match(/[一二两三四五六七八九十百千万]+余?(?:次|场|期|人|名|个|项|户|家|所|篇|条|批|支|处|件|元|次数)/gu)
      ?.length ?? 0;
  return arabic + chinese;
}

const MEASURE_WORDS = /措施|举措|做法|开展|组织|建立|制定|落实|实施|推进|部署|召开|印发|设立|健全/u;
const RESULT_WORDS = /成效|效果|成果|取得|完成|达到|覆盖|提升|提高|增长|下降|实现|受益|参与率|满意度|累计/u;

/** Whether the text says what was done (measures) and what came of it (results). */
export function statementContent(text: string): { measures: boolean; results: boolean } {
  return { measures: MEASURE_WORDS.test(text), results: RESULT_WORDS.test(text) };
}
